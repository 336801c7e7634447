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
/// - an action's page, its updates and evidence: the above, plus the agency contacts the action reaches (Actor.Reaches:
///   its owner, or the owning agency's team where the lead office shares its agency work, from offices working with it).
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

    /// The owner's side of an action (update it, answer its impact review, read its evidence), for the review led by this office.
    public static bool IsOwnerContact(Actor actor, PlanAction action, int leadOfficeId) =>
        actor.Reaches(action.OwnerAgencyId, leadOfficeId, action.OwnerUserId);

    /// The lead office of an action's review, for IsOwnerContact.
    public static Task<int> LeadOfficeAsync(IReviewDb db, PlanAction action, CancellationToken ct) =>
        db.Reviews.Where(r => r.Id == action.ReviewId).Select(r => r.LeadOfficeId).SingleAsync(ct);

    /// The actions this actor may see: those of reviews they may read, and (agency contacts) those they reach.
    public static IQueryable<PlanAction> Visible(IReviewDb db, CaseScope scope)
    {
        var actor = scope.Actor;
        var seesReviews = actor.IsOfficeStaff || actor.Is(Role.DataProtectionOfficer) || actor.Is(Role.IndependentAuthor);
        var reached = AgencyReach.Actions(db, actor).Select(a => a.Id);
        var actions = db.PlanActions.AsNoTracking();
        if (!seesReviews)
        {
            return actions.Where(a => reached.Contains(a.Id));
        }

        var readable = scope.Readable(db.Reviews).Select(r => r.Id);
        return actions.Where(a => readable.Contains(a.ReviewId) || reached.Contains(a.Id));
    }
}

/// The action plan's answer to the engine's guard on closing a review: how many of its actions are not signed off.
public sealed class UnsignedActions : Process.IUnsignedActions
{
    public Task<int> CountAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        db.PlanActions.CountAsync(a => a.ReviewId == reviewId && a.Status != ActionStatus.SignedOff, ct);
}
