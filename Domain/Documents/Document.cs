namespace Domain.Documents;

/// What a document is for; each kind has its own access rule (Workflows.Documents.IDocumentAccessRule).
public enum DocumentKind
{
    InformationReturn,
    Draft,
    ActionEvidence,
    Submission,
    Other,
    /// A paper for one case on a CRG meeting's agenda (owner key "crg-item:{id}").
    CrgPaper,
}

/// A versioned document of one review. The owner key says which record it belongs to, e.g. "request:12",
/// "draft:3", "action:7". Files live outside the web root under random stored names; each upload adds a version.
public sealed class Document
{
    public const int TitleMaxLength = 200;
    public const int OwnerKeyMaxLength = 60;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public DocumentKind Kind { get; set; }

    /// A description such as "IMR return": never a real name.
    public required string Title { get; set; }

    public required string OwnerKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// The newest version's number (1, 2, ...). Also the concurrency token: two uploads at once cannot both be n+1.
    public int CurrentVersion { get; set; }

    public List<DocumentVersion> Versions { get; } = [];
}

/// One uploaded file of a document. Old versions stay downloadable by those allowed.
public sealed class DocumentVersion
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public Document? Document { get; set; }

    public int Number { get; set; }

    /// Random, so that the stored file's name says nothing about its content.
    public required string StoredName { get; set; }

    /// ".pdf", ".docx" or ".odt", decided by the file's content, not its name.
    public required string Extension { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// Hex SHA-256 of the content.
    public required string Sha256 { get; set; }

    public required string UploadedByUserId { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}
