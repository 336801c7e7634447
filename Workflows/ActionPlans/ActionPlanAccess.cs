using Domain.Access;
using Domain.ActionPlans;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.ActionPlans;

/// Who may do what with action plans (issue 6):
/// - reading a review's plan: whoever may read the review (CaseScope);
/// - recording recommendations and actions, re-planning, signing off and returning: review officers of the lead office,
///   and, where an administrator named one for the review's lead CSP, the members of that CSP's action plan team
///   (ActionPlanTeam; accounts holding the Action plan manager role). The review office keeps the right alongside the
///   team: it runs the review, and a team only adds people who may manage its actions;
/// - a team member reads the action plans of their CSP's reviews and nothing else of those reviews (need-to-know);
/// - an action's page, its updates and evidence: the above, plus the agency contacts the action reaches (Actor.Reaches:
///   its owner, or the owning agency's team where the lead office shares its agency work, from offices working with it).
public static class ActionPlanAccess
{
    /// What one actor may do with one review's action plan. Case is their access to the review itself (its pages).
    public sealed record PlanAccess(bool CanRead, bool CanManage, CaseAccess Case)
    {
        public static PlanAccess None { get; } = new(false, false, CaseAccess.None);
    }

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

    /// The one check of who may read and manage a review's action plan.
    public static async Task<PlanAccess> ForReviewAsync(IReviewDb db, Actor actor, int reviewId, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        var onTeam = actor.Is(Role.ActionPlanManager) && await ManagedReviews(db, actor).AnyAsync(id => id == reviewId, ct);
        return Decide(actor, access, onTeam);
    }

    /// The rule, given the actor's access to the review and whether they are on the team of the review's lead CSP: a team
    /// member (holding the role) reads and manages the plan, with no more access to the review itself than before.
    public static PlanAccess Decide(Actor actor, CaseAccess access, bool onLeadCspTeam)
    {
        var team = onLeadCspTeam && actor.Is(Role.ActionPlanManager);
        return new PlanAccess(access.CanRead || team, IsLeadOfficer(actor, access) || team, access);
    }

    /// The people who manage a review's action plan, by the one rule above (ForReviewAsync), not a copy of it: of the lead
    /// office's members and the lead CSP's action plan team, every active account the rule lets manage the plan (today the
    /// office's review officers and the team's members holding the role). For the plan's emails (ActionPlanMail).
    public static async Task<IReadOnlyList<string>> ManagerIdsAsync(IReviewDb db, int reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => new { r.LeadOfficeId, r.LeadCspId }).SingleAsync(ct);
        var office = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == review.LeadOfficeId).Select(m => m.UserId).ToListAsync(ct);
        var team = await db.ActionPlanTeamMembers.AsNoTracking().Where(m => m.CspId == review.LeadCspId).Select(m => m.UserId).ToListAsync(ct);
        var managers = new List<string>();
        foreach (var userId in office.Concat(team).Distinct().Order(StringComparer.Ordinal))
        {
            if ((await ForReviewAsync(db, await ActorLoader.LoadAsync(db, userId, ct), reviewId, ct)).CanManage)
            {
                managers.Add(userId);
            }
        }

        return managers;
    }

    /// The reviews whose action plans this actor manages as a member of their lead CSP's action plan team.
    private static IQueryable<int> ManagedReviews(IReviewDb db, Actor actor)
    {
        var userId = actor.UserId;
        var csps = db.ActionPlanTeamMembers.Where(m => m.UserId == userId).Select(m => m.CspId);
        return db.Reviews.Where(r => csps.Contains(r.LeadCspId)).Select(r => r.Id);
    }

    /// The owner's side of an action (update it, answer its impact review, read its evidence), for the review led by this office.
    public static bool IsOwnerContact(Actor actor, PlanAction action, int leadOfficeId) =>
        actor.Reaches(action.OwnerAgencyId, leadOfficeId, action.OwnerUserId);

    /// The lead office of an action's review, for IsOwnerContact.
    public static Task<int> LeadOfficeAsync(IReviewDb db, PlanAction action, CancellationToken ct) =>
        db.Reviews.Where(r => r.Id == action.ReviewId).Select(r => r.LeadOfficeId).SingleAsync(ct);

    /// The actions this actor may see: those of reviews they may read, those of reviews their CSP's action plan team
    /// manages, and (agency contacts) those they reach.
    public static IQueryable<PlanAction> Visible(IReviewDb db, CaseScope scope)
    {
        var actor = scope.Actor;
        var seesReviews = actor.IsOfficeStaff || actor.Is(Role.DataProtectionOfficer) || actor.Is(Role.IndependentAuthor);
        var reached = AgencyReach.Actions(db, actor).Select(a => a.Id);
        var actions = db.PlanActions.AsNoTracking();
        // An empty set unless the actor holds the role, so that the role alone gives nothing.
        var managed = actor.Is(Role.ActionPlanManager) ? ManagedReviews(db, actor) : db.Reviews.Where(r => false).Select(r => r.Id);
        if (!seesReviews)
        {
            return actions.Where(a => reached.Contains(a.Id) || managed.Contains(a.ReviewId));
        }

        var readable = scope.Readable(db.Reviews).Select(r => r.Id);
        return actions.Where(a => readable.Contains(a.ReviewId) || reached.Contains(a.Id) || managed.Contains(a.ReviewId));
    }
}

/// The action plan's answer to the engine's guard on closing a review: how many of its actions are not signed off.
public sealed class UnsignedActions : Process.IUnsignedActions
{
    public Task<int> CountAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        db.PlanActions.CountAsync(a => a.ReviewId == reviewId && a.Status != ActionStatus.SignedOff, ct);
}
