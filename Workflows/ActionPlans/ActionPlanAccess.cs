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

    /// The one check for either kind of plan: a review's (ForReviewAsync) or a learning source's (ForSourceAsync).
    public static Task<PlanAccess> ForPlanAsync(IReviewDb db, Actor actor, PlanOf plan, CancellationToken ct) =>
        plan.ReviewId is int reviewId ? ForReviewAsync(db, actor, reviewId, ct) : ForSourceAsync(db, actor, plan.LearningSourceId!.Value, ct);

    /// A learning source's plan, by the same rule as a review's: its office stands for the lead office (its officers and
    /// managers read it, its review officers manage it), the DPO reads it, and the team of its CSP reads and manages it.
    /// Nobody else: a board member sees its actions in the board appendix only.
    public static async Task<PlanAccess> ForSourceAsync(IReviewDb db, Actor actor, int sourceId, CancellationToken ct)
    {
        var source = await db.LearningSources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => new { s.OfficeId, s.CspId }).SingleOrDefaultAsync(ct);
        if (source is null)
        {
            return PlanAccess.None;
        }

        var userId = actor.UserId;
        var onTeam = actor.Is(Role.ActionPlanManager) && await db.ActionPlanTeamMembers.AnyAsync(m => m.UserId == userId && m.CspId == source.CspId, ct);
        return Decide(actor, SourceAccess(actor, source.OfficeId), onTeam);
    }

    /// An actor's access to a learning source itself, as CaseScope gives it for a review: its office's staff read and
    /// change it, the DPO reads it.
    public static CaseAccess SourceAccess(Actor actor, int officeId)
    {
        var office = actor.IsOfficeStaff && actor.OfficeIds.Contains(officeId);
        return new CaseAccess(office || actor.Is(Role.DataProtectionOfficer), office, false);
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
    public static Task<IReadOnlyList<string>> ManagerIdsAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        ManagerIdsAsync(db, PlanOf.Review(reviewId), ct);

    /// The same for either kind of plan (a learning source's office and CSP stand for the review's).
    public static async Task<IReadOnlyList<string>> ManagerIdsAsync(IReviewDb db, PlanOf plan, CancellationToken ct)
    {
        var owner = (await PlanOwners.LoadAsync(db, plan, ct))!;
        var office = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == owner.OfficeId).Select(m => m.UserId).ToListAsync(ct);
        var team = await db.ActionPlanTeamMembers.AsNoTracking().Where(m => m.CspId == owner.CspId).Select(m => m.UserId).ToListAsync(ct);
        var managers = new List<string>();
        foreach (var userId in office.Concat(team).Distinct().Order(StringComparer.Ordinal))
        {
            if ((await ForPlanAsync(db, await ActorLoader.LoadAsync(db, userId, ct), plan, ct)).CanManage)
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

    /// The lead office of an action's review (or the office of its learning source), for IsOwnerContact.
    public static Task<int> LeadOfficeAsync(IReviewDb db, PlanAction action, CancellationToken ct) =>
        action.ReviewId is int reviewId
            ? db.Reviews.Where(r => r.Id == reviewId).Select(r => r.LeadOfficeId).SingleAsync(ct)
            : db.LearningSources.Where(s => s.Id == action.LearningSourceId).Select(s => s.OfficeId).SingleAsync(ct);

    /// The actions this actor may see: those of reviews they may read, those of reviews their CSP's action plan team
    /// manages, and (agency contacts) those they reach.
    public static IQueryable<PlanAction> Visible(IReviewDb db, CaseScope scope)
    {
        var actor = scope.Actor;
        var seesReviews = actor.IsOfficeStaff || actor.Is(Role.DataProtectionOfficer) || actor.Is(Role.IndependentAuthor);
        var reached = AgencyReach.Actions(db, actor).Select(a => a.Id);
        var actions = db.PlanActions.AsNoTracking();
        // An empty set unless the actor holds the role, so that the role alone gives nothing.
        var managed = actor.Is(Role.ActionPlanManager) ? ManagedReviews(db, actor).Select(id => (int?)id) : db.Reviews.Where(r => false).Select(r => (int?)r.Id);
        var managedSources = actor.Is(Role.ActionPlanManager) ? ManagedSources(db, actor) : db.LearningSources.Where(s => false).Select(s => (int?)s.Id);
        if (!seesReviews)
        {
            return actions.Where(a => reached.Contains(a.Id) || managed.Contains(a.ReviewId) || managedSources.Contains(a.LearningSourceId));
        }

        var readable = scope.Readable(db.Reviews).Select(r => (int?)r.Id);
        var sources = ReadableSources(db, actor);
        return actions.Where(a => readable.Contains(a.ReviewId) || sources.Contains(a.LearningSourceId) || reached.Contains(a.Id)
            || managed.Contains(a.ReviewId) || managedSources.Contains(a.LearningSourceId));
    }

    /// The learning sources whose plans this actor reads as office staff or the DPO (SourceAccess as a query).
    private static IQueryable<int?> ReadableSources(IReviewDb db, Actor actor)
    {
        if (actor.Is(Role.DataProtectionOfficer))
        {
            return db.LearningSources.Select(s => (int?)s.Id);
        }

        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToList() : [];
        return db.LearningSources.Where(s => offices.Contains(s.OfficeId)).Select(s => (int?)s.Id);
    }

    /// The learning sources whose plans this actor manages as a member of their CSP's action plan team.
    private static IQueryable<int?> ManagedSources(IReviewDb db, Actor actor)
    {
        var userId = actor.UserId;
        var csps = db.ActionPlanTeamMembers.Where(m => m.UserId == userId).Select(m => m.CspId);
        return db.LearningSources.Where(s => csps.Contains(s.CspId)).Select(s => (int?)s.Id);
    }
}

/// The action plan's answer to the engine's guard on closing a review: how many of its actions are not signed off.
public sealed class UnsignedActions : Process.IUnsignedActions
{
    public Task<int> CountAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        db.PlanActions.CountAsync(a => a.ReviewId == reviewId && a.Status != ActionStatus.SignedOff, ct);
}
