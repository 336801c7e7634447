using Domain.Access;
using Domain.ActionPlans;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.ActionPlans;

/// Who may do what with action plans (issue 6):
/// - reading a review's plan: whoever may read the review (CaseScope);
/// - recording recommendations and actions, signing off and returning: review officers of the lead office;
/// - an action's page, its updates and evidence: the above, plus the contacts of the owning agency (only its actions).
public static class ActionPlanAccess
{
    /// Recommendations come from the final draft: from PanelAndReport onwards (also while held from those stages).
    public static readonly IReadOnlySet<Stage> RecommendationStages = new HashSet<Stage>
    {
        Stage.PanelAndReport, Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication, Stage.ActionPlanMonitoring,
    };

    /// The action plan starts at CRG sign-off and runs alongside the later stages.
    public static readonly IReadOnlySet<Stage> ActionStages = new HashSet<Stage>
    {
        Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication, Stage.ActionPlanMonitoring,
    };

    public static Stage EffectiveStage(Review review) => review.Stage == Stage.OnHold ? review.HeldFromStage ?? review.Stage : review.Stage;

    public static bool IsLeadOfficer(Actor actor, CaseAccess access) => access.CanChange && actor.Is(Role.ReviewOfficer);

    public static bool IsOwnerAgencyContact(Actor actor, int agencyId) => actor.Is(Role.AgencyContact) && actor.AgencyIds.Contains(agencyId);

    /// The actions this actor may see: those of reviews they may read, and (agency contacts) their agencies' actions.
    public static IQueryable<PlanAction> Visible(IReviewDb db, CaseScope scope)
    {
        var actor = scope.Actor;
        var agencies = actor.Is(Role.AgencyContact) ? actor.AgencyIds.ToList() : [];
        var seesReviews = actor.IsOfficeStaff || actor.Is(Role.DataProtectionOfficer) || actor.Is(Role.IndependentAuthor);
        var actions = db.PlanActions.AsNoTracking();
        if (!seesReviews)
        {
            return actions.Where(a => agencies.Contains(a.OwnerAgencyId));
        }

        var readable = scope.Readable(db.Reviews).Select(r => r.Id);
        return actions.Where(a => readable.Contains(a.ReviewId) || agencies.Contains(a.OwnerAgencyId));
    }
}

/// The action plan's answer to the engine's guard on closing a review: how many of its actions are not signed off.
public sealed class UnsignedActions : Process.IUnsignedActions
{
    public Task<int> CountAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        db.PlanActions.CountAsync(a => a.ReviewId == reviewId && a.Status != ActionStatus.SignedOff, ct);
}
