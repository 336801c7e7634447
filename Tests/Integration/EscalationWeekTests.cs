using Domain.Calendar;
using Domain.Email;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.WorkItems;

namespace Portal.Integration.Tests;

/// Issue 16: one task long overdue when the scan first sees it, across the week of Christmas 2026 (bank holidays on
/// Friday 25 and Monday 28), the scan run twice every three hours as a retried job would, the portal restarted on the
/// Tuesday, real SQLite file and real SMTP (maildev). Each person gets at most one email a day about it; the managers'
/// "Overdue" and "Still overdue" (its CSP has no accountable lead, so both go to the managers) come on different days;
/// each counts the days the overdue queue shows that day.
public sealed class EscalationWeekTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 21, 0, 0, 0, TimeSpan.Zero);

    private readonly MailDev _mail = new();
    private readonly string _data = Directory.CreateTempSubdirectory("portal-week-").FullName;
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = Start(Monday);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _mail.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    /// A portal on the week's data (a second start is a restart); the second rung 2 working days after the first.
    private PortalFactory Start(DateTimeOffset now)
    {
        var portal = new PortalFactory(dataPath: _data).SendEmailThrough(_mail);
        portal.Set("Reminders:SecondEscalationAfterWorkingDays", "2");
        portal.Time.SetUtcNow(now);
        _ = portal.Services;
        return portal;
    }

    [Fact]
    public async Task LongOverdueTask_AWeekOfScansAndARestart_AtMostOneEmailADay_CountingTheDaysTheQueueShows()
    {
        await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP")
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, (string?)null)));
        // Notified 1 Sep: the CRG's decision (and the task to present the case) was due Thursday 1 Oct, 81 days before Monday.
        var review = await WorkflowEngineTests.RegisterAsync(_portal, new DateOnly(2026, 9, 1));
        var facts = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => new { r.Reference, r.CaseLabel }).SingleAsync());
        var (reference, label) = (facts.Reference, facts.CaseLabel);
        var item = await _portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == review && w.Status == WorkItemStatus.Open).Select(w => w.Id).SingleAsync());
        await _mail.ClearAsync(DemoAccounts.LrManager);

        var screen = new Dictionary<DateOnly, string>();
        for (var now = Monday; now < Monday.AddDays(7); now = now.AddHours(3))
        {
            if (now == Monday.AddDays(1).AddHours(12))
            {
                await _portal.DisposeAsync();
                _portal = Start(now);
            }

            _portal.Time.SetUtcNow(now);
            await _portal.Get<ReminderScan>().RunAsync();
            await _portal.Get<ReminderScan>().RunAsync();
            await _portal.Get<OutboxDispatcher>().RunOnceAsync();

            // What the manager's overdue queue says of the task, and that the menu's badge counts it.
            var manager = await _portal.ActorAsync(DemoAccounts.LrManager);
            var row = Assert.Single((await _portal.Get<WorkQueueQuery>().HandleAsync(manager, WorkQueue.Overdue, new WorkItemFilter(ReviewId: review),
                new PageRequest())).Items);
            screen[London.DateOf(now.UtcDateTime)] = row.DueText!;
            Assert.True((await _portal.Get<WorkQueueQuery>().CountsAsync(manager)).Overdue >= 1);
        }

        var sent = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == review).OrderBy(m => m.Id)
            .Select(m => new { m.RecipientAddress, m.Reason, m.OccurrenceKey, m.Status, m.SentAtUtc }).ToListAsync());
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(sent.GroupBy(m => (m.RecipientAddress, London.DateOf(m.SentAtUtc!.Value))), day => Assert.Single(day));
        // Monday: the managers are told once (not twice, however late); Wednesday, two working days on: still overdue.
        Assert.Equal(
            [
                (EmailReasons.OverdueEscalation, $"workitem:{item}:overdue-1wd:2026-10-01", new DateOnly(2026, 12, 21)),
                (EmailReasons.SecondEscalation, $"workitem:{item}:overdue-2wd:2026-10-01", new DateOnly(2026, 12, 23)),
            ],
            sent.Where(m => m.RecipientAddress == DemoAccounts.LrManager).Select(m => (m.Reason, m.OccurrenceKey, London.DateOf(m.SentAtUtc!.Value))));

        // What arrived: the step by its name, the days as the queue counted them that day, the link to where to reassign.
        var arrived = await _mail.WaitForSubjectAsync(DemoAccounts.LrManager, label);
        Assert.Equal(2, arrived.Count);
        var overdue = Assert.Single(arrived, m => m.Subject.StartsWith("Overdue:", StringComparison.Ordinal));
        Assert.Equal($"Overdue: Present the case to the CRG for {label} ({reference}), {screen[new DateOnly(2026, 12, 21)]}", overdue.Subject);
        Assert.Equal("81 days overdue", screen[new DateOnly(2026, 12, 21)]);
        Assert.Contains($"/work/overdue?search={Uri.EscapeDataString(reference)}", overdue.Text, StringComparison.Ordinal);
        var still = Assert.Single(arrived, m => m.Subject.StartsWith("Still overdue:", StringComparison.Ordinal));
        Assert.Equal($"Still overdue: Present the case to the CRG for {label} ({reference}), {screen[new DateOnly(2026, 12, 23)]}", still.Subject);
        Assert.Equal("83 days overdue", screen[new DateOnly(2026, 12, 23)]);
        Assert.DoesNotContain("working day", overdue.Text + still.Text, StringComparison.Ordinal);
        await _mail.ClearAsync(DemoAccounts.LrManager);
    }
}
