namespace Workflows.Documents;

/// Where document files are kept.
public enum DocumentStore
{
    /// Files in Documents:Folder. With several portal processes, a folder they all share.
    Folder,

    /// Rows of the database: every process reads them, with no shared folder (for PostgreSQL with several processes).
    Database,
}

/// The "Documents" section of appsettings.json.
public sealed class DocumentOptions
{
    public DocumentStore Store { get; set; } = DocumentStore.Folder;

    /// Where files are stored (outside the web root). Empty: "documents" inside the data folder; relative: against the data folder.
    public string Folder { get; set; } = string.Empty;

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
