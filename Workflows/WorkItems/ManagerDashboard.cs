using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.WorkItems;

public sealed record StageCount(int CspId, string Csp, Stage Stage, int Count);

public sealed record PersonOverdue(string? UserId, string Name, int Count);

public sealed record ClockAtRisk(int ReviewId, string Reference, string CaseLabel, ClockKind Kind, string Label, DateOnly DueDate, int DaysLeft,
    bool IsOverdue, string DueText);

public sealed record ManagerDashboard(IReadOnlyList<StageCount> OpenReviewsByStage, IReadOnlyList<PersonOverdue> OverdueByPerson,
    IReadOnlyList<ClockAtRisk> ClocksAtRisk);

/// A manager's view of the reviews their office leads (one office, or all of theirs): open reviews by CSP and stage,
/// overdue tasks by person, and running clocks due within AtRiskDays (or overdue).
public sealed class ManagerDashboardQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public const int AtRiskDays = 14;

    public async Task<Result<ManagerDashboard>> HandleAsync(Actor actor, int? officeId = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.Is(Role.Manager) || (officeId is int one && !actor.OfficeIds.Contains(one)))
        {
            await audit.RefusedAsync(db, actor, "Dashboard", officeId?.ToString(), null, "manager dashboard", ct);
            return new AccessRefused("the manager's dashboard for that office");
        }

        var offices = officeId is int only ? [only] : actor.OfficeIds.ToList();
        var today = clock.Today;
        var reviews = db.Reviews.AsNoTracking().Where(r => offices.Contains(r.LeadOfficeId));

        var byStage = await reviews.Where(r => r.Stage != Stage.Closed)
            .GroupBy(r => new { r.LeadCspId, r.Stage })
            .Select(g => new { g.Key.LeadCspId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var cspIds = byStage.Select(x => x.LeadCspId).Distinct().ToList();
        var csps = await db.Organisations.AsNoTracking().Where(o => cspIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var overdue = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.OfficeId != null && offices.Contains(w.OfficeId.Value))
            .Where(TaskDeadline.OverdueOn(today))
            .GroupBy(w => w.AssigneeUserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var userIds = overdue.Select(o => o.UserId).OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var horizon = today.AddDays(AtRiskDays);
        var clocks = await (from c in db.ReviewClocks.AsNoTracking()
                            join r in reviews on c.ReviewId equals r.Id
                            where c.Status == ClockStatus.Running && c.DueDate <= horizon
                            orderby c.DueDate, r.Reference
                            select new { r.Id, r.Reference, r.CaseLabel, c.Kind, c.DueDate }).Take(100).ToListAsync(ct);

        return new ManagerDashboard(
            byStage.Select(x => new StageCount(x.LeadCspId, csps[x.LeadCspId], x.Stage, x.Count)).OrderBy(x => x.Csp).ThenBy(x => x.Stage).ToList(),
            overdue.Select(o => new PersonOverdue(o.UserId, o.UserId is null ? "Unassigned" : names.GetValueOrDefault(o.UserId, "Unknown"), o.Count))
                .OrderByDescending(o => o.Count).ThenBy(o => o.Name).ToList(),
            clocks.Select(c => new ClockAtRisk(c.Id, c.Reference, c.CaseLabel, c.Kind, ReviewClock.Describe(c.Kind), c.DueDate,
                DueText.DaysLeft(c.DueDate, today), DueText.IsOverdue(c.DueDate, today), DueText.Describe(c.DueDate, today))).ToList());
    }
}
