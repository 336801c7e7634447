using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Documents;

/// A file ready to send: the name holds the review reference, the kind and the version only (never a real name).
public sealed record DocumentDownload(Stream Content, string ContentType, string FileName);

/// GET /documents/versions/{id}: applies the access rule of the document's kind, audits every download and every
/// refusal. A missing version is answered the same way as a refused one.
public sealed class DownloadDocumentHandler(IReviewDbFactory dbs, IEnumerable<IDocumentAccessRule> rules, IDocumentStorage storage, AuditLog audit)
{
    private readonly Dictionary<DocumentKind, IDocumentAccessRule> _rules = rules.ToDictionary(r => r.Kind);

    public async Task<Result<DocumentDownload>> DownloadAsync(Actor actor, long versionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateAsync(ct);
        var version = await db.DocumentVersions.AsNoTracking().Include(v => v.Document)
            .SingleOrDefaultAsync(v => v.Id == versionId, ct);
        var subjectId = versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (version?.Document is not Document doc)
        {
            await audit.RefusedAsync(db, actor, "Document", subjectId, null, "download a document version that does not exist", ct);
            return new AccessRefused("this document");
        }

        var allowed = !string.IsNullOrEmpty(actor.UserId)
            && _rules.TryGetValue(doc.Kind, out var rule)
            && await rule.CanReadAsync(db, actor, doc, ct);
        if (!allowed)
        {
            await audit.RefusedAsync(db, actor, "Document", subjectId, doc.ReviewId, $"download a document ({EntryWords.Document(doc.Kind)}, version {version.Number})", ct);
            return new AccessRefused("this document");
        }

        var reference = await db.Reviews.AsNoTracking().Where(r => r.Id == doc.ReviewId).Select(r => r.Reference).SingleAsync(ct);
        audit.Add(db, actor, AuditAction.Downloaded, "Document", subjectId, doc.ReviewId, reference, $"{EntryWords.Document(doc.Kind)}, version {version.Number}");
        await db.SaveChangesAsync(ct);
        var stream = await storage.OpenReadAsync(version.StoredName, ct);
        return new DocumentDownload(stream, version.ContentType, FileName(reference, doc.Kind, version.Number, version.Extension));
    }

    public static string FileName(string reference, DocumentKind kind, int number, string extension) =>
        $"{reference}-{KindSlug(kind)}-v{number}{extension}";

    private static string KindSlug(DocumentKind kind) => kind switch
    {
        DocumentKind.InformationReturn => "information-return",
        DocumentKind.ActionEvidence => "action-evidence",
        DocumentKind.CrgPaper => "crg-paper",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
