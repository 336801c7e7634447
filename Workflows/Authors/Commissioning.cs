using Domain;
using Domain.Access;
using Domain.Authors;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

/// Rules the commissioning handlers share.
public static class Commissioning
{
    public const string EmailReason = "ExpressionOfInterest";

    public const string NotCommissioningMessage =
        "An expression of interest can be sent while the review is being commissioned, or after its chair/author's appointment ended.";

    /// Commissioning, or a review whose chair/author left (it is then in Panel and report with nobody appointed).
    public static bool MayCommission(Review r) =>
        r.Stage == Stage.Commissioning || (r.Stage == Stage.PanelAndReport && !r.HasActiveChairAuthor);

    /// The review (tracked, with its participants) if the actor is a review officer of its lead office; otherwise the
    /// refusal is audited.
    internal static async Task<Result<Review>> LeadOfficerReviewAsync(IReviewDb db, Actor actor, int reviewId, AuditLog audit, string what, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanChange || !actor.Is(Role.ReviewOfficer))
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, what, ct);
            return new AccessRefused(access.CanRead ? "commissioning for this review (review officers of its lead office only)" : "this review");
        }

        return await db.Reviews.Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
    }
}
