using Domain.Access;
using Domain.Documents;
using Workflows.Access;
using Workflows.Data;
using Workflows.Documents;

namespace Workflows.Drafts;

/// Who may download a draft: the lead office's officers and managers, the appointed chair/author and the review's
/// current panel members. Everyone else is refused (DownloadDocumentHandler audits the refusal).
public sealed class DraftDocumentRule : IDocumentAccessRule
{
    public DocumentKind Kind => DocumentKind.Draft;

    public async Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct) =>
        await ReviewRoles.LoadAsync(db, actor, doc.ReviewId, ct) is { SeesDrafts: true };
}
