using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

/// What one actor may do with one review's panel: the lead office's officers and managers manage it; an active
/// panel member (a PanelMember ReviewParticipant row not revoked) reads its pages and answers polls. Membership opens
/// nothing else of the case: CaseScope does not count it. Loaded fresh per operation, so removal takes effect at once.
public sealed record PanelAccess(int ReviewId, string Reference, string CaseLabel, int LeadOfficeId, bool CanManage, bool IsMember)
{
    public bool CanRead => CanManage || IsMember;

    public static Task<bool> IsMemberAsync(IReviewDb db, string userId, int reviewId, CancellationToken ct) =>
        db.ReviewParticipants.PanelMembers(reviewId).AnyAsync(p => p.UserId == userId, ct);

    public static async Task<PanelAccess?> LoadAsync(IReviewDb db, Actor actor, int reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new { r.Reference, r.CaseLabel, r.LeadOfficeId }).SingleOrDefaultAsync(ct);
        if (review is null || string.IsNullOrEmpty(actor.UserId))
        {
            return null;
        }

        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var manage = (await scope.ForAsync(db, reviewId, ct)).CanChange;
        var member = await IsMemberAsync(db, actor.UserId, reviewId, ct);
        return new PanelAccess(reviewId, review.Reference, review.CaseLabel, review.LeadOfficeId, manage, member);
    }

    /// Loads access and refuses (audited, the same answer whether or not the review exists) unless allowed.
    public static async Task<Result<PanelAccess>> CheckAsync(IReviewDb db, AuditLog audit, Actor actor, int reviewId, bool manage,
        string what, CancellationToken ct)
    {
        var access = await LoadAsync(db, actor, reviewId, ct);
        if (access is null || !(manage ? access.CanManage : access.CanRead))
        {
            await audit.RefusedAsync(db, actor, "Panel", reviewId.ToString(), reviewId, what, ct);
            return new AccessRefused(manage ? "manage this review's panel" : "this panel");
        }

        return access;
    }
}
