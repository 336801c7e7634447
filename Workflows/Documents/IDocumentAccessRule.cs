using Domain.Access;
using Domain.Documents;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.Documents;

/// Who may read documents of one kind. Each feature registers one for its kind
/// (services.AddSingleton&lt;IDocumentAccessRule, MyRule&gt;()); a kind with no rule is readable by nobody.
public interface IDocumentAccessRule
{
    DocumentKind Kind { get; }

    Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct);
}

/// Building blocks for rules.
public static class DocumentAccess
{
    /// Officers and managers of the office that leads the review.
    public static async Task<bool> IsLeadOfficeStaffAsync(IReviewDb db, Actor actor, int reviewId, CancellationToken ct)
    {
        if (!actor.IsOfficeStaff)
        {
            return false;
        }

        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        return access.CanChange;
    }

    /// Anyone who may read the case record (CaseScope): the office staff who serve its CSPs, the appointed chair/author, the DPO.
    public static async Task<bool> CanReadCaseAsync(IReviewDb db, Actor actor, int reviewId, CancellationToken ct) =>
        (await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct)).CanRead;
}
