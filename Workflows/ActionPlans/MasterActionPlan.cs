using System.Linq.Expressions;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

public sealed record ActionPlanFilter(int? AgencyId = null, int? CspId = null, int? ThemeId = null, ActionDisplayStatus? Status = null, int? ReviewId = null);

public sealed record ActionPlanRow(
    long Id, int? ReviewId, string Reference, string CaseLabel, string LeadCsp, string Label, RecommendationLevel Level, string What,
    string OwnerAgency, DateOnly DueDate, ActionDisplayStatus Status, string DueText, string Themes, ImpactOutcome? Impact, DateOnly? SignedOffOn,
    DateOnly? LatestUpdateOn = null, string? LatestUpdate = null);

public sealed record Choice(int Id, string Name);

public sealed record ActionPlanChoices(IReadOnlyList<Choice> Agencies, IReadOnlyList<Choice> Csps, IReadOnlyList<Choice> Themes, IReadOnlyList<Choice> Reviews);

/// The master action plan: every action across the reviews the actor may see (agency contacts: their agencies' actions
/// only), filtered, sorted and paged in the database. Sort by DueDate (default), Reference, Label, OwnerAgency, LeadCsp, Status.
public sealed class MasterActionPlanQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<PagedResult<ActionPlanRow>> HandleAsync(Actor actor, ActionPlanFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var today = clock.Today;
        var rows = Filtered(db, await CaseScope.LoadAsync(db, actor, ct), filter, today);
        var total = await rows.CountAsync(ct);
        var items = await Ordered(rows, page.SortBy, page.Descending, today).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ActionPlanRow>(await ToRowsAsync(db, items, today, ct), total);
    }

    /// Every row the filter matches, for the .xlsx and .csv downloads; the export is audited.
    public async Task<IReadOnlyList<ActionPlanRow>> ExportAsync(Actor actor, ActionPlanFilter filter, string format, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var today = clock.Today;
        var items = await Ordered(Filtered(db, await CaseScope.LoadAsync(db, actor, ct), filter, today), null, false, today).ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Exported, "ActionPlan", detail: $"master action plan ({format}): {items.Count} rows, filter {filter}");
        await db.SaveChangesAsync(ct);
        return await ToRowsAsync(db, items, today, ct);
    }

    /// The filters' choices: agencies and CSPs with visible actions, active themes, reviews with visible actions.
    public async Task<ActionPlanChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var actions = ActionPlanAccess.Visible(db, await CaseScope.LoadAsync(db, actor, ct));
        var agencies = await db.Organisations.AsNoTracking().Where(o => actions.Any(a => a.OwnerAgencyId == o.Id))
            .OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var csps = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Csp && (db.Reviews.Any(r => r.LeadCspId == o.Id && actions.Any(a => a.ReviewId == r.Id))
                || db.LearningSources.Any(s => s.CspId == o.Id && actions.Any(a => a.LearningSourceId == s.Id))))
            .OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => actions.Any(a => a.ReviewId == r.Id))
            .OrderBy(r => r.Reference).Select(r => new Choice(r.Id, r.Reference + " " + r.CaseLabel)).ToListAsync(ct);
        return new ActionPlanChoices(agencies, csps, await ActionPlanThemes.ChoicesAsync(db, ct), reviews);
    }

    // Member-initialised (not a constructor) so that EF can translate filters and sorts on it.
    private sealed class Item
    {
        public required PlanAction Action { get; init; }

        public required string Reference { get; init; }

        public required string CaseLabel { get; init; }

        public required int LeadCspId { get; init; }

        public required string LeadCsp { get; init; }

        public required int RecommendationNumber { get; init; }

        public required RecommendationLevel Level { get; init; }

        public required string OwnerAgency { get; init; }

        public Domain.Organisations.OrganisationKind OwnerKind { get; init; }

        public Domain.Organisations.GroupKind? OwnerGroup { get; init; }
    }

    private static IQueryable<Item> Filtered(IReviewDb db, CaseScope scope, ActionPlanFilter filter, DateOnly today)
    {
        var actions = ActionPlanAccess.Visible(db, scope);
        if (filter.AgencyId is int agency)
        {
            actions = actions.Where(a => a.OwnerAgencyId == agency);
        }

        if (filter.ReviewId is int reviewId)
        {
            actions = actions.Where(a => a.ReviewId == reviewId);
        }

        if (filter.ThemeId is int theme)
        {
            actions = actions.Where(a => db.RecommendationThemes.Any(t => t.RecommendationId == a.RecommendationId && t.ThemeId == theme));
        }

        actions = filter.Status switch
        {
            ActionDisplayStatus.Overdue => actions.Where(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.AtRisk)
                && a.DueDate < today),
            ActionDisplayStatus.NotStarted => actions.Where(a => a.Status == ActionStatus.NotStarted && a.DueDate >= today),
            ActionDisplayStatus.OnTrack => actions.Where(a => a.Status == ActionStatus.OnTrack && a.DueDate >= today),
            ActionDisplayStatus.AtRisk => actions.Where(a => a.Status == ActionStatus.AtRisk && a.DueDate >= today),
            ActionDisplayStatus.Completed => actions.Where(a => a.Status == ActionStatus.Completed),
            ActionDisplayStatus.SignedOff => actions.Where(a => a.Status == ActionStatus.SignedOff),
            _ => actions,
        };

        // A review's action, or a learning source's: its reference, its title where the case label shows, its CSP.
        var rows = from a in actions
                   join rec in db.Recommendations on a.RecommendationId equals rec.Id
                   join ag in db.Organisations on a.OwnerAgencyId equals ag.Id
                   from r in db.Reviews.Where(r => r.Id == a.ReviewId).DefaultIfEmpty()
                   from s in db.LearningSources.Where(s => s.Id == a.LearningSourceId).DefaultIfEmpty()
                   // Two plain left joins (SQLite has no APPLY for a join on "the review's CSP, else the source's").
                   from reviewCsp in db.Organisations.Where(o => o.Id == r!.LeadCspId).DefaultIfEmpty()
                   from sourceCsp in db.Organisations.Where(o => o.Id == s!.CspId).DefaultIfEmpty()
                   select new Item
                   {
                       Action = a, Reference = r != null ? r.Reference : LearningSource.ReferencePrefix + s!.Id.ToString(), CaseLabel = r != null ? r.CaseLabel : s!.Title,
                       LeadCspId = r != null ? r.LeadCspId : s!.CspId, LeadCsp = r != null ? reviewCsp!.Name : sourceCsp!.Name,
                       RecommendationNumber = rec.Number, Level = rec.Level, OwnerAgency = ag.Name, OwnerKind = ag.Kind, OwnerGroup = ag.Group,
                   };
        if (filter.CspId is int cspId)
        {
            rows = rows.Where(x => x.LeadCspId == cspId);
        }

        return rows;
    }

    private static IQueryable<Item> Ordered(IQueryable<Item> rows, string? sortBy, bool d, DateOnly today)
    {
        var ordered = sortBy switch
        {
            nameof(ActionPlanRow.Reference) => d ? rows.OrderByDescending(x => x.Reference) : rows.OrderBy(x => x.Reference),
            nameof(ActionPlanRow.Label) => d
                ? rows.OrderByDescending(x => x.Reference).ThenByDescending(x => x.RecommendationNumber).ThenByDescending(x => x.Action.Number)
                : rows.OrderBy(x => x.Reference).ThenBy(x => x.RecommendationNumber).ThenBy(x => x.Action.Number),
            nameof(ActionPlanRow.OwnerAgency) => d ? rows.OrderByDescending(x => x.OwnerAgency) : rows.OrderBy(x => x.OwnerAgency),
            nameof(ActionPlanRow.LeadCsp) => d ? rows.OrderByDescending(x => x.LeadCsp) : rows.OrderBy(x => x.LeadCsp),
            // Overdue first, then at risk, on track, not started, completed, signed off.
            nameof(ActionPlanRow.Status) => d ? rows.OrderByDescending(StatusOrder(today)) : rows.OrderBy(StatusOrder(today)),
            _ => d ? rows.OrderByDescending(x => x.Action.DueDate) : rows.OrderBy(x => x.Action.DueDate),
        };
        return ordered.ThenBy(x => x.Action.Id);
    }

    private static Expression<Func<Item, int>> StatusOrder(DateOnly today) => x =>
        x.Action.Status == ActionStatus.SignedOff ? 5
        : x.Action.Status == ActionStatus.Completed ? 4
        : x.Action.DueDate < today ? 0
        : x.Action.Status == ActionStatus.AtRisk ? 1
        : x.Action.Status == ActionStatus.OnTrack ? 2
        : 3;

    private static async Task<IReadOnlyList<ActionPlanRow>> ToRowsAsync(IReviewDb db, IReadOnlyList<Item> items, DateOnly today, CancellationToken ct)
    {
        var themes = await ActionPlanThemes.NamesAsync(db, items.Select(i => i.Action.RecommendationId).Distinct().ToList(), ct);
        var ids = items.Select(i => i.Action.Id).ToList();
        // The page's rows only (or the export's): each one's latest update by its "as at" date, whoever posted it.
        var latest = (await db.ActionUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionId))
                .Select(u => new { u.ActionId, u.Id, u.AsAt, u.Text }).ToListAsync(ct))
            .GroupBy(u => u.ActionId).ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.AsAt).ThenByDescending(u => u.Id).First());
        return items.Select(x =>
        {
            var a = x.Action;
            var status = ActionStatuses.Current(a.Status, a.DueDate, today);
            return new ActionPlanRow(a.Id, a.ReviewId, x.Reference, x.CaseLabel, x.LeadCsp, PlanAction.Label(x.RecommendationNumber, a.Number), x.Level, a.What,
                Domain.Organisations.DeliveryGroups.OwnerName(x.OwnerAgency, x.OwnerKind, x.OwnerGroup), a.DueDate, status, a.IsOpen ? DueText.Describe(a.DueDate, today) : string.Empty,
                themes.TryGetValue(a.RecommendationId, out var names) ? string.Join(", ", names) : string.Empty, a.ImpactOutcome, a.SignedOffOn,
                latest.TryGetValue(a.Id, out var u) ? u.AsAt : null, u?.Text);
        }).ToList();
    }
}
