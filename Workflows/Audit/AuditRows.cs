using Domain.Audit;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Audit;

/// Audit rows as people read them, wherever they are shown (the audit trail, its export, a review's history).
internal static class AuditRows
{
    /// Names for the people the rows are by and for the user ids their details mention, looked up once for the lot.
    /// Without detail (an administrator's view) the details are left out.
    public static async Task<List<AuditRow>> InWordsAsync(IReviewDb db, List<AuditEvent> found, bool withDetail, CancellationToken ct)
    {
        var ids = found.Select(a => a.UserId).OfType<string>()
            .Concat(withDetail ? found.SelectMany(a => EntryWords.UserIds(a.Detail)) : [])
            .Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var deadlines = withDetail ? await DeadlinesAsync(db, found.SelectMany(a => EntryWords.DeadlineTimerIds(a.Detail)).Distinct().ToList(), ct) : null;
        return found.Select(a => new AuditRow(a.Id, a.AtUtc,
            a.UserId is null ? a.UserEmail ?? "The portal" : names.GetValueOrDefault(a.UserId) ?? a.UserEmail ?? "A former user",
            a.UserEmail, EntryWords.Action(a.Action), EntryWords.Subject(a.Subject), a.CaseReference,
            withDetail ? EntryWords.Detail(a.Detail, names, deadlines) : null)).ToList();
    }

    /// What the timers of rows written before deadlines were named stood for: a clock or a task, due the day before
    /// the timer fell due (London).
    private static async Task<Dictionary<long, string>> DeadlinesAsync(IReviewDb db, List<long> timerIds, CancellationToken ct)
    {
        if (timerIds.Count == 0)
        {
            return [];
        }

        var timers = await db.Timers.AsNoTracking().Where(t => timerIds.Contains(t.Id))
            .Select(t => new { t.Id, t.DueAtUtc, ClockKind = (ClockKind?)t.Clock!.Kind, TaskTitle = t.WorkItem!.Title }).ToListAsync(ct);
        return timers.ToDictionary(t => t.Id, t =>
        {
            var due = London.DateOf(t.DueAtUtc).AddDays(-1);
            return t.ClockKind is ClockKind kind ? EntryWords.ClockDeadline(kind, due)
                : t.TaskTitle is string title ? EntryWords.TaskDeadline(title, due)
                : $"a deadline of {UkDate.Format(due)}";
        });
    }
}
