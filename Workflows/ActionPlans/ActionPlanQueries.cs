using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

public sealed record PlanActionView(long Id, string Label, string What, string OwnerAgency, string OwnerName, DateOnly DueDate, ActionDisplayStatus Status,
    string DueText, string SuccessMeasure, DateOnly? SignedOffOn, ImpactOutcome? Impact);

public sealed record RecommendationView(int Id, int Number, string Text, RecommendationLevel Level, string AddressedTo, IReadOnlyList<string> Themes,
    IReadOnlyList<PlanActionView> Actions);

/// A review's action plan, or a learning source's (ReviewId null; CaseLabel is then its title, SourceKind its kind): its
/// recommendations with their actions. CanRecord* say what the actor may add now. CanSeeReview: the actor may open the
/// review's pages (for a source: the office's list of learning sources).
public sealed record ReviewActionPlanView(int? ReviewId, string Reference, string CaseLabel, Stage? Stage, bool CanRecordRecommendations, bool CanRecordActions,
    string? WhyNotRecommendations, string? WhyNotActions, IReadOnlyList<RecommendationView> Recommendations, bool CanSeeReview = true,
    int? LearningSourceId = null, string? SourceKind = null);

/// An update: the date it describes the action as at (entered), then when it was recorded and by whom (metadata).
public sealed record ActionHistoryEntry(DateOnly AsAt, DateTime AtUtc, ActionUpdateKind Kind, string Text, ActionStatus Status, string By);

/// A re-plan of one field: old and new value as recorded then, the reason, the day it was agreed, who recorded it when.
public sealed record ActionChangeEntry(DateOnly AgreedOn, DateTime AtUtc, ActionChangeField Field, string OldValue, string NewValue, string Reason, string By);

public sealed record ActionEvidenceLink(long VersionId, string Title, string Extension, long SizeBytes, DateTime UploadedAtUtc);

/// One action as its page shows it, with what the actor may do: update (owning agency's contacts, while open),
/// sign off or return (lead office officers, once completed), re-plan (lead office officers, while open), answer the
/// impact review (owning agency, once asked).
public sealed record ActionDetail(
    long Id, int? ReviewId, string Reference, string CaseLabel, string Label, string RecommendationText, string What, string OwnerAgency, string OwnerName,
    int OwnerAgencyId, string OwnerUserId, DateOnly AgreedOn, DateOnly DueDate, string SuccessMeasure, ActionDisplayStatus Status, string DueText, DateOnly? CompletedOn, DateOnly? SignedOffOn, string? ReturnReason,
    DateOnly? ImpactReviewDueOn, DateOnly? ImpactRequestedOn, ImpactOutcome? ImpactOutcome, string? ImpactComment, int Version,
    IReadOnlyList<ActionHistoryEntry> History, IReadOnlyList<ActionChangeEntry> Changes, IReadOnlyList<ActionEvidenceLink> Evidence,
    bool CanUpdate, bool CanDecide, bool CanReplan, bool CanAnswerImpact, bool CanSeeReview, string PlanLink = "", int? LearningSourceId = null)
{
    public PlanOf Plan => PlanOf.Of(ReviewId, LearningSourceId);
}

/// An impact review waiting for the actor's agency: the contact's queue on "Our actions".
public sealed record ImpactReviewTask(long ActionId, string Label, string Reference, string CaseLabel, DateOnly? DueDate, string? DueText);

public sealed class ActionPlanQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, ActionEvidence evidence)
{
    /// The review's plan for whoever may read the review; a refused read is audited.
    public Task<Result<ReviewActionPlanView>> ForReviewAsync(Actor actor, int reviewId, CancellationToken ct = default) =>
        ForPlanAsync(actor, PlanOf.Review(reviewId), ct);

    /// A review's plan or a learning source's, by the same rule (ActionPlanAccess.ForPlanAsync).
    public async Task<Result<ReviewActionPlanView>> ForPlanAsync(Actor actor, PlanOf plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await ActionPlanAccess.ForPlanAsync(db, actor, plan, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "ActionPlan", plan.ReviewId?.ToString() ?? LearningSource.ReferenceFor(plan.LearningSourceId!.Value),
                plan.ReviewId, "view action plan", ct);
            return new AccessRefused(plan.IsReview ? "this review" : "this learning source");
        }

        var today = clock.Today;
        var owner = (await PlanOwners.LoadAsync(db, plan, ct))!;
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.ReviewId == plan.ReviewId && r.LearningSourceId == plan.LearningSourceId)
            .OrderBy(r => r.Number).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.ReviewId == plan.ReviewId && a.LearningSourceId == plan.LearningSourceId)
            .OrderBy(a => a.Number).ToListAsync(ct);
        var names = await NamesAsync(db, recommendations.Select(r => r.AddressedToAgencyId).Concat(actions.Select(a => (int?)a.OwnerAgencyId)),
            actions.Select(a => a.OwnerUserId), ct);
        var themes = await ActionPlanThemes.NamesAsync(db, recommendations.Select(r => r.Id).ToList(), ct);
        var officer = access.CanManage;
        var recommendationsOpen = owner.TakesRecommendations;
        var actionsOpen = owner.TakesActions;
        return new ReviewActionPlanView(plan.ReviewId, owner.Reference, owner.Label, owner.Stage,
            officer && recommendationsOpen, officer && actionsOpen && recommendations.Count > 0,
            !officer ? "Only review officers of the lead office, or the CSP's action plan team, record the action plan."
                : recommendationsOpen ? null : "Recommendations are recorded from the final draft (panel and report writing onwards).",
            !officer ? null : !actionsOpen ? "Actions are added from CRG sign-off onwards." : recommendations.Count == 0 ? "Record a recommendation first." : null,
            recommendations.Select(r => new RecommendationView(r.Id, r.Number, r.Text, r.Level,
                r.AddressedToBody ?? (r.AddressedToAgencyId is int agency ? names.Organisations[agency] : "The CSP"),
                themes.TryGetValue(r.Id, out var t) ? t : [],
                actions.Where(a => a.RecommendationId == r.Id).Select(a => new PlanActionView(a.Id, PlanAction.Label(r.Number, a.Number), a.What,
                    names.Organisations[a.OwnerAgencyId], names.Users.GetValueOrDefault(a.OwnerUserId, "(account removed)"), a.DueDate,
                    ActionStatuses.Current(a.Status, a.DueDate, today), a.IsOpen ? DueText.Describe(a.DueDate, today) : string.Empty, a.SuccessMeasure,
                    a.SignedOffOn, a.ImpactOutcome)).ToList())).ToList(),
            CanSeeReview: access.Case.CanRead, LearningSourceId: plan.LearningSourceId, SourceKind: plan.IsReview ? null : owner.EmailLabel);
    }

    /// One action, for office staff who may read its review and the owning agency's contacts; the view is audited
    /// (recordView: once per page, not on prerender), a refusal too.
    public async Task<Result<ActionDetail>> ForActionAsync(Actor actor, long actionId, bool recordView, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var action = await db.PlanActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId, ct);
        var access = action is null ? ActionPlanAccess.PlanAccess.None : await ActionPlanAccess.ForPlanAsync(db, actor, action.Plan, ct);
        var ownerContact = action is not null && ActionPlanAccess.IsOwnerContact(actor, action, await ActionPlanAccess.LeadOfficeAsync(db, action, ct));
        if (action is null || !(access.CanRead || ownerContact))
        {
            await audit.RefusedAsync(db, actor, "PlanAction", actionId.ToString(), action?.ReviewId, "view action", ct);
            return new AccessRefused("this action");
        }

        var today = clock.Today;
        var review = (await PlanOwners.LoadAsync(db, action, ct))!;
        var recommendation = await db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == action.RecommendationId, ct);
        var updates = await db.ActionUpdates.AsNoTracking().Where(u => u.ActionId == actionId).OrderByDescending(u => u.AsAt).ThenByDescending(u => u.Id).ToListAsync(ct);
        var changes = await db.ActionChanges.AsNoTracking().Where(c => c.ActionId == actionId).OrderByDescending(c => c.AgreedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var names = await NamesAsync(db, [action.OwnerAgencyId], updates.Select(u => u.ByUserId).Concat(changes.Select(c => c.ByUserId)).Append(action.OwnerUserId), ct);
        if (recordView)
        {
            audit.Add(db, actor, AuditAction.Viewed, "PlanAction", action.Id.ToString(), action.ReviewId, review.Reference, "view action");
            await db.SaveChangesAsync(ct);
        }

        return new ActionDetail(action.Id, action.ReviewId, review.Reference, review.Label, PlanAction.Label(recommendation.Number, action.Number),
            recommendation.Text, action.What, names.Organisations[action.OwnerAgencyId], names.Users.GetValueOrDefault(action.OwnerUserId, "(account removed)"),
            action.OwnerAgencyId, action.OwnerUserId, action.AgreedOn, action.DueDate, action.SuccessMeasure, ActionStatuses.Current(action.Status, action.DueDate, today),
            action.IsOpen ? DueText.Describe(action.DueDate, today) : string.Empty, action.CompletedOn, action.SignedOffOn, action.ReturnReason,
            action.ImpactReviewDueOn, action.ImpactRequestedOn, action.ImpactOutcome, action.ImpactComment, action.Version,
            updates.Select(u => new ActionHistoryEntry(u.AsAt, u.AtUtc, u.Kind, u.Text, u.Status, names.Users.GetValueOrDefault(u.ByUserId, "(account removed)"))).ToList(),
            changes.Select(c => new ActionChangeEntry(c.AgreedOn, c.AtUtc, c.Field, c.OldValue, c.NewValue, c.Reason, names.Users.GetValueOrDefault(c.ByUserId, "(account removed)"))).ToList(),
            await evidence.ListAsync(db, actor, action, ct),
            CanUpdate: ownerContact && action.IsOpen,
            CanDecide: access.CanManage && action.Status == ActionStatus.Completed,
            CanReplan: access.CanManage && action.IsOpen,
            CanAnswerImpact: ownerContact && action.ImpactRequestedOn is not null && action.ImpactOutcome is null,
            // The way back is the review's (or source's) action plan, which an action plan team member reads too.
            CanSeeReview: access.CanRead, PlanLink: review.Link, LearningSourceId: action.LearningSourceId);
    }

    /// Impact reviews of the actions the contact reaches (their queue), oldest due first.
    public async Task<IReadOnlyList<ImpactReviewTask>> ImpactReviewsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.Is(Role.AgencyContact))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        var today = clock.Today;
        var rows = await (from a in AgencyReach.Actions(db, actor).AsNoTracking()
                          join w in db.WorkItems on a.ImpactWorkItemId equals w.Id
                          join r in db.Reviews on a.ReviewId equals (int?)r.Id
                          join rec in db.Recommendations on a.RecommendationId equals rec.Id
                          where w.Status == WorkItemStatus.Open
                          orderby w.DueDate, a.Id
                          select new { a.Id, rec.Number, ActionNumber = a.Number, r.Reference, r.CaseLabel, w.DueDate }).ToListAsync(ct);
        return rows.Select(x => new ImpactReviewTask(x.Id, PlanAction.Label(x.Number, x.ActionNumber), x.Reference, x.CaseLabel, x.DueDate,
            x.DueDate is DateOnly due ? DueText.Describe(due, today) : null)).ToList();
    }

    private sealed record Names(Dictionary<int, string> Organisations, Dictionary<string, string> Users);

    private static async Task<Names> NamesAsync(IReviewDb db, IEnumerable<int?> organisationIds, IEnumerable<string> userIds, CancellationToken ct)
    {
        var orgs = organisationIds.OfType<int>().Distinct().ToList();
        var users = userIds.Distinct().ToList();
        return new Names(
            (await db.Organisations.AsNoTracking().Where(o => orgs.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Kind, o.Group }).ToListAsync(ct))
                .ToDictionary(o => o.Id, o => Domain.Organisations.DeliveryGroups.OwnerName(o.Name, o.Kind, o.Group)),
            await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }
}

/// The choices of the recommendation and action forms.
public sealed class ActionPlanLookups(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<Choice>> AgenciesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Kind == Domain.Organisations.OrganisationKind.Agency && o.IsActive)
            .OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
    }

    /// The agencies that can own an action of this review: those that work with its lead office.
    public Task<IReadOnlyList<Choice>> OwnerAgenciesAsync(int reviewId, CancellationToken ct = default) => OwnerAgenciesAsync(PlanOf.Review(reviewId), ct);

    /// The same for either kind of plan: the agencies working with the office of its review or learning source.
    public async Task<IReadOnlyList<Choice>> OwnerAgenciesAsync(PlanOf plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var office = (await PlanOwners.LoadAsync(db, plan, ct))!.OfficeId;
        return (await AgencyContacts.AgenciesOf(db, office).AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind, o.Group }).ToListAsync(ct))
            .Select(o => new Choice(o.Id, Domain.Organisations.DeliveryGroups.OwnerName(o.Name, o.Kind, o.Group))).ToList();
    }

    /// The agency's contacts this review's lead office may give an action to.
    public Task<IReadOnlyList<(string Id, string Name)>> ContactsAsync(int reviewId, int agencyId, CancellationToken ct = default) =>
        ContactsAsync(PlanOf.Review(reviewId), agencyId, ct);

    public async Task<IReadOnlyList<(string Id, string Name)>> ContactsAsync(PlanOf plan, int agencyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var office = (await PlanOwners.LoadAsync(db, plan, ct))!.OfficeId;
        var rows = await AgencyContacts.ForOffice(db, office, agencyId).OrderBy(c => c.Name).ToListAsync(ct);
        return rows.Select(r => (r.UserId, r.Name)).ToList();
    }

    public async Task<IReadOnlyList<Choice>> ThemesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await ActionPlanThemes.ChoicesAsync(db, ct);
    }
}
