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
        // A task of no review is its office's, under its own reference, linked to its own page.
        var found = await (from w in db.WorkItems.AsNoTracking().Where(w => w.Status == WorkItemStatus.Open).Where(TaskDeadline.DueBy(horizon))
                           join r in db.Reviews on w.ReviewId equals r.Id into ofReview
                           from r in ofReview.DefaultIfEmpty()
                           select new
                           {
                               Item = w, w.Clock, Office = w.OfficeId ?? (r == null ? null : (int?)r.LeadOfficeId),
                               CaseLabel = r == null ? null : r.CaseLabel, Reference = r == null ? null : r.Reference,
                           }).ToListAsync(ct);
        found.ForEach(x => x.Item.Clock = x.Clock);
        var subjects = await TaskPages.SubjectsAsync(db, found.Select(x => x.Item).ToList(), ct);
        var items = found.Select(x =>
            {
                long? subject = subjects.TryGetValue(x.Item.Id, out var s) ? s : null;
                var own = x.Reference is null ? TaskPages.Own(x.Item, subject) : default;
                var link = x.Item.ReviewId is int reviewId ? TaskPages.ReviewPage(reviewId) : TaskPages.For(x.Item.Kind, null, x.Item.AgencyId, subject, toStaff: true);
                return new { x.Office, CaseLabel = x.CaseLabel ?? own.Label, Reference = x.Reference ?? own.Reference, x.Item.Title, Due = TaskDeadline.Of(x.Item).Date!.Value, Link = link };
            }).ToList();
        var kinds = options.ClockKinds.ToList();
        var clocks = await db.ReviewClocks.AsNoTracking()
            .Where(c => c.Status == ClockStatus.Running && kinds.Contains(c.Kind) && c.DueDate <= horizon)
            .Join(db.Reviews, c => c.ReviewId, r => r.Id, (c, r) => new { c.ReviewId, Office = r.LeadOfficeId, r.CaseLabel, r.Reference, c.Kind, Due = c.DueDate })
            .ToListAsync(ct);

        var queued = 0;
        foreach (var manager in managers)
        {
            var lines = items.Where(i => i.Office is int office && manager.Organisations.Contains(office))
                .Select(i => new Line(i.Due, Describe(plan, i.CaseLabel, i.Reference, i.Title, i.Due, i.Link)))
                .Concat(clocks.Where(c => manager.Organisations.Contains(c.Office))
                    .Select(c => new Line(c.Due, Describe(plan, c.CaseLabel, c.Reference, ReviewClock.StepName(c.Kind), c.Due, TaskPages.ReviewPage(c.ReviewId)))))
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

    /// link: the review page, where managers read every task of their office's reviews; a task of no review's own page.
    private string Describe(ReminderScan.Plan plan, string caseLabel, string reference, string step, DateOnly due, string link) =>
        $"- {caseLabel} ({reference}): {step}, due {UkDate.Format(due)}, {ReminderScan.HowLate(due, plan.SendDay)}: "
        + email.LinkTo(link);
}
