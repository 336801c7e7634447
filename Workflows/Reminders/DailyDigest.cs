using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.WorkItems;

namespace Workflows.Reminders;

/// For managers who chose it (NotificationPreferences.DailyDigest): on each working day, one message listing every
/// overdue and due-soon task and clock of the reviews their offices lead, instead of single overdue emails.
internal sealed class DailyDigest(IReviewDb db, IOutbox outbox, ReminderOptions options, EmailOptions email)
{
    private sealed record Line(DateOnly Due, string Text);

    public async Task<int> QueueAsync(ReminderScan.Plan plan, CancellationToken ct)
    {
        if (plan.Today != plan.SendDay)
        {
            return 0;
        }

        var managers = plan.People.All.Where(p => plan.People.TakesDigest(p.Id)).ToList();
        if (managers.Count == 0)
        {
            return 0;
        }

        var horizon = plan.Today.AddDays(options.DaysBefore);
        var items = (await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open).Where(TaskDeadline.DueBy(horizon))
            .Join(db.Reviews, w => w.ReviewId, r => r.Id, (w, r) => new { Item = w, w.Clock, Office = w.OfficeId ?? r.LeadOfficeId, r.CaseLabel, r.Reference })
            .ToListAsync(ct))
            .Select(x =>
            {
                x.Item.Clock = x.Clock;
                return new { x.Item.ReviewId, x.Office, x.CaseLabel, x.Reference, x.Item.Title, Due = TaskDeadline.Of(x.Item).Date!.Value };
            }).ToList();
        var kinds = options.ClockKinds.ToList();
        var clocks = await db.ReviewClocks.AsNoTracking()
            .Where(c => c.Status == ClockStatus.Running && kinds.Contains(c.Kind) && c.DueDate <= horizon)
            .Join(db.Reviews, c => c.ReviewId, r => r.Id, (c, r) => new { c.ReviewId, Office = r.LeadOfficeId, r.CaseLabel, r.Reference, c.Kind, Due = c.DueDate })
            .ToListAsync(ct);

        var queued = 0;
        foreach (var manager in managers)
        {
            var lines = items.Where(i => manager.Organisations.Contains(i.Office))
                .Select(i => new Line(i.Due, Describe(plan, i.CaseLabel, i.Reference, i.Title, i.Due, i.ReviewId)))
                .Concat(clocks.Where(c => manager.Organisations.Contains(c.Office))
                    .Select(c => new Line(c.Due, Describe(plan, c.CaseLabel, c.Reference, ReviewClock.StepName(c.Kind), c.Due, c.ReviewId))))
                .OrderBy(l => l.Due).ThenBy(l => l.Text, StringComparer.Ordinal).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var values = new Dictionary<string, string>
            {
                ["Date"] = UkDate.Format(plan.Today),
                ["Count"] = lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Items"] = string.Join("\n", lines.Select(l => l.Text)),
                ["Link"] = email.LinkTo("reviews"),
                ["PortalBaseUrl"] = email.PortalBaseUrl,
            };
            if (await outbox.EnqueueAsync(db, new OutgoingEmail(manager.Email, manager.Id, EmailReasons.DailyDigest, $"digest:{plan.Today:yyyy-MM-dd}",
                    EmailReasons.DailyDigest, values, plan.NotBeforeUtc), ct))
            {
                queued++;
            }
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }

    private string Describe(ReminderScan.Plan plan, string caseLabel, string reference, string step, DateOnly due, int reviewId) =>
        $"- {caseLabel} ({reference}): {step}, due {UkDate.Format(due)}, {ReminderScan.HowLate(due, plan.SendDay)}: "
        + email.LinkTo(TaskPages.ReviewPage(reviewId)); // managers read every task of their office's reviews there
}
