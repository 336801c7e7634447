using Domain.Access;
using Domain.Crg;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Documents;

namespace Workflows.Crg;

/// One paper of a case on a CRG meeting's agenda, as its papers list it (the newest version of its document).
public sealed record CrgPaperLink(long VersionId, string Title, string Extension, long SizeBytes, DateTime UploadedAtUtc);

/// Who may read a CRG paper: whoever may read the meeting's papers (CrgAccess.CanRead: the office's officers and
/// managers; its CRG members once the papers are shared), nobody else, whatever else they may read of the case.
public sealed class CrgPaperAccessRule : IDocumentAccessRule
{
    public DocumentKind Kind => DocumentKind.CrgPaper;

    public async Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct)
    {
        if (CrgAgendaItem.ItemIdOf(doc.OwnerKey) is not long itemId)
        {
            return false;
        }

        var meeting = await db.CrgAgendaItems.AsNoTracking().Where(i => i.Id == itemId && i.ReviewId == doc.ReviewId)
            .Join(db.CrgMeetings.AsNoTracking(), i => i.MeetingId, m => m.Id, (_, m) => m).SingleOrDefaultAsync(ct);
        return meeting is not null && CrgAccess.CanRead(actor, meeting);
    }

    /// The papers of the given agenda items, for a reader of their meeting (the caller has checked CrgAccess.CanRead).
    public static async Task<ILookup<long, CrgPaperLink>> ListAsync(IReviewDb db, IReadOnlyCollection<long> itemIds, CancellationToken ct)
    {
        var keys = itemIds.Select(CrgAgendaItem.DocumentOwnerKey).ToArray();
        var papers = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.Document!.Kind == DocumentKind.CrgPaper && keys.Contains(v.Document.OwnerKey) && v.Number == v.Document.CurrentVersion)
            .OrderBy(v => v.Document!.CreatedAtUtc).ThenBy(v => v.Id)
            .Select(v => new { v.Document!.OwnerKey, Link = new CrgPaperLink(v.Id, v.Document.Title, v.Extension, v.SizeBytes, v.UploadedAtUtc) })
            .ToListAsync(ct);
        return papers.ToLookup(p => CrgAgendaItem.ItemIdOf(p.OwnerKey)!.Value, p => p.Link);
    }
}
