using System.Globalization;
using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.ActionPlans;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reports;

/// One outstanding action as the board sees it: the review by reference and case label (its pseudonym) only, the
/// owning agency (no contact's name), the plan and where it stood on the report's date, and what changed since.
public sealed record BoardAction(string Reference, string CaseLabel, string OwnerAgency, string Label, string What, DateOnly DueDate,
    ActionDisplayStatus Status, DateOnly? LatestUpdateOn, string? LatestUpdate, IReadOnlyList<string> ChangedSince);

/// The board report's appendix of outstanding actions: agreed by and not signed off on the report's date, of the
/// reviews the CSP or office leads and of its learning sources (Reference "LS-12", CaseLabel the source's title), by
/// review or source and owner. It reads the dates people entered (the day an action or a
/// re-plan was agreed, an update's "as at" date), never when they were typed, so an update recorded today and dated a
/// month ago counts a month ago. "Changed since" looks back Actions:BoardChangesMonths from the report's date: the
/// previous board's papers (boards meet quarterly; the portal keeps no calendar of their meetings).
public sealed record BoardActions(BoardScope Scope, DateOnly AsOf, DateOnly Since, IReadOnlyList<BoardAction> Actions);

/// Read by whoever reads the board report (ReportAccess: office staff and board members of the office, for it and the
/// CSPs it serves); anyone else is refused and audited, and each view or export is audited.
public sealed class BoardActionsQuery(IReviewDbFactory dbs, AuditLog audit, ActionPlanOptions options)
{
    /// Its own audit subject, as the activity overview has: a board report page view is one "Board report" row, and
    /// each section read with it says what it was.
    public const string Subject = "Board actions appendix";

    public async Task<Result<BoardActions>> HandleAsync(Actor actor, int organisationId, DateOnly asOf, AuditAction action = AuditAction.Viewed,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var org = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (org is null || !ReportAccess.Covers(actor, org))
        {
            await audit.RefusedAsync(db, actor, Subject, organisationId.ToString(CultureInfo.InvariantCulture), null, "board report actions", ct);
            return new AccessRefused("that board report");
        }

        var scope = new BoardScope(org.Id, org.Name, org.Kind == OrganisationKind.ReviewOffice);
        var since = asOf.AddMonths(-options.BoardChangesMonths);
        var outstanding = db.PlanActions.AsNoTracking().Where(a => a.AgreedOn <= asOf && (a.SignedOffOn == null || a.SignedOffOn > asOf));
        var rows = await (from a in outstanding
                          join r in db.Reviews on a.ReviewId equals (int?)r.Id
                          join rec in db.Recommendations on a.RecommendationId equals rec.Id
                          join ag in db.Organisations on a.OwnerAgencyId equals ag.Id
                          where scope.IsOffice ? r.LeadOfficeId == org.Id : r.LeadCspId == org.Id
                          select new { Action = a, r.Reference, r.CaseLabel, Recommendation = rec.Number, ag.Name, ag.Kind, ag.Group }).ToListAsync(ct);
        // The learning sources of the office or CSP: by reference and title, as a review by reference and case label.
        var fromSources = await (from a in outstanding
                                 join s in db.LearningSources on a.LearningSourceId equals (int?)s.Id
                                 join rec in db.Recommendations on a.RecommendationId equals rec.Id
                                 join ag in db.Organisations on a.OwnerAgencyId equals ag.Id
                                 where scope.IsOffice ? s.OfficeId == org.Id : s.CspId == org.Id
                                 select new { Action = a, s.Id, s.Title, Recommendation = rec.Number, ag.Name, ag.Kind, ag.Group }).ToListAsync(ct);
        rows.AddRange(fromSources.Select(x => new { x.Action, Reference = LearningSource.ReferenceFor(x.Id), CaseLabel = x.Title, x.Recommendation, x.Name, x.Kind, x.Group }));
        var ids = rows.Select(x => x.Action.Id).ToList();
        var updates = (await db.ActionUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionId) && u.AsAt <= asOf).ToListAsync(ct))
            .ToLookup(u => u.ActionId);
        var changes = (await db.ActionChanges.AsNoTracking().Where(c => ids.Contains(c.ActionId)).ToListAsync(ct)).ToLookup(c => c.ActionId);

        var actions = rows.Select(x => new { x.Action, x.Reference, x.CaseLabel, x.Recommendation, Agency = DeliveryGroups.OwnerName(x.Name, x.Kind, x.Group) })
            .OrderBy(x => x.Reference, StringComparer.Ordinal).ThenBy(x => x.Agency, StringComparer.Ordinal)
            .ThenBy(x => x.Recommendation).ThenBy(x => x.Action.Number)
            .Select(x =>
            {
                var a = x.Action;
                var history = updates[a.Id].OrderBy(u => u.AsAt).ThenBy(u => u.Id).ToList();
                var plan = changes[a.Id].OrderBy(c => c.AgreedOn).ThenBy(c => c.Id).ToList();
                var due = DueOn(a, plan, asOf);
                var latest = history.LastOrDefault();
                var status = ActionStatuses.Current(latest?.Status ?? ActionStatus.NotStarted, due, asOf);
                return new BoardAction(x.Reference, x.CaseLabel, x.Agency, PlanAction.Label(x.Recommendation, a.Number), a.What, due, status,
                    latest?.AsAt, latest?.Text,
                    ChangedSince(a, history, plan, since, asOf, status));
            })
            .ToList();

        audit.Add(db, actor, action, Subject, org.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"{(action == AuditAction.Exported ? "board report actions exported" : "board report actions viewed")} as at {asOf:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new BoardActions(scope, asOf, since, actions);
    }

    /// The due date that stood at the end of the day: today's, unless a re-plan agreed after it moved the date (then the
    /// date it moved from).
    private static DateOnly DueOn(PlanAction action, IReadOnlyList<ActionChange> plan, DateOnly on) =>
        plan.FirstOrDefault(c => c.Field == ActionChangeField.DueDate && c.AgreedOn > on) is { } later && UkDate.TryParse(later.OldValue, out var was)
            ? was
            : action.DueDate;

    /// What the board hears changed in the window: a new action, re-plans with their reasons, the status moved, updates posted.
    private static List<string> ChangedSince(PlanAction action, IReadOnlyList<ActionUpdate> history, IReadOnlyList<ActionChange> plan,
        DateOnly since, DateOnly asOf, ActionDisplayStatus now)
    {
        var lines = new List<string>();
        var isNew = action.AgreedOn > since;
        if (isNew)
        {
            lines.Add("New action");
        }

        foreach (var change in plan.Where(c => c.AgreedOn > since && c.AgreedOn <= asOf))
        {
            lines.Add(change.Field switch
            {
                ActionChangeField.DueDate => $"Due date moved from {change.OldValue} to {change.NewValue}: {change.Reason}",
                ActionChangeField.Owner => $"Owner changed: {change.Reason}",
                _ => $"Wording changed: {change.Reason}",
            });
        }

        if (!isNew)
        {
            var before = history.LastOrDefault(u => u.AsAt <= since)?.Status ?? ActionStatus.NotStarted;
            var then = ActionStatuses.Current(before, DueOn(action, plan, since), since);
            if (then != now)
            {
                lines.Add($"Status {ActionStatuses.Describe(then)} to {ActionStatuses.Describe(now)}");
            }
        }

        var posted = history.Count(u => u.AsAt > since);
        if (posted > 0)
        {
            lines.Add(posted == 1 ? "1 update" : $"{posted} updates");
        }

        return lines;
    }
}
