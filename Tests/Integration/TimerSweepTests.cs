using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Audit;
using Workflows.Process;
using Workflows.Reviews;
using Workflows.Timers;

namespace Portal.Integration.Tests;

/// Durable timers across a restart and across processes. Each test starts portals of its own.
public abstract class TimerSweepTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Restart_TimersThatFellDueWhileStopped_FireOnceOnTheFirstSweep()
    {
        int reviewId;
        string? postgres;
        var dataPath = Directory.CreateTempSubdirectory("portal-restart-").FullName;
        await using (var before = new PortalFactory(provider, dataPath: dataPath))
        {
            reviewId = await WorkflowEngineTests.RegisterAsync(before, London.DateOf(PortalFactory.DefaultNow.UtcDateTime));
            await before.Get<TimerSweep>().RunAsync();
            postgres = before.PostgresConnection;
        }

        // Stopped for two months: the decision deadline passed meanwhile.
        await using var after = new PortalFactory(provider, dataPath: dataPath, postgresConnection: postgres);
        after.Time.SetUtcNow(PortalFactory.DefaultNow.AddMonths(2));
        var first = await after.Get<TimerSweep>().RunAsync();
        var second = await after.Get<TimerSweep>().RunAsync();

        Assert.True(first.Fired >= 1);
        Assert.Equal(new SweepResult(0, 0), second);
        await after.WithDbAsync(async db =>
        {
            var timer = await db.Timers.SingleAsync(t => t.ReviewId == reviewId);
            Assert.Equal(TimerStatus.Fired, timer.Status);
            Assert.Equal(1, await db.JournalEntries.CountAsync(j => j.ReviewId == reviewId && j.Kind == JournalKind.Deadline));
            Assert.Equal(1, await db.IdempotencyKeys.CountAsync(k => k.Key == $"timer:{timer.Id}"));
            Assert.False(await db.Timers.AnyAsync(t => t.Status == TimerStatus.Pending && t.DueAtUtc <= after.Time.GetUtcNow().UtcDateTime));
            return 0;
        });
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task Sweep_SeveralDeadlinesOfOneCasePassedTogether_OneJournalEntryNamesEachAndEachTimerFiresOnce()
    {
        await using var portal = new PortalFactory(provider);
        var today = London.DateOf(PortalFactory.DefaultNow.UtcDateTime);
        var id = await WorkflowEngineTests.RegisterAsync(portal, today.AddDays(-10));
        var officer = await portal.ActorAsync(DemoAccounts.LrOfficer);
        var engine = portal.Get<WorkflowEngine>();
        await engine.FireAsync(id, new PresentToCrgArgs { Date = today.AddDays(-2) }, officer, Guid.NewGuid().ToString());
        var decided = await engine.FireAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met." }, officer, Guid.NewGuid().ToString());
        Assert.True(decided.IsSuccess, decided.Error?.Message);

        // Seven months on, the Home Office notification, appointment and completion deadlines have all passed.
        portal.Time.SetUtcNow(PortalFactory.DefaultNow.AddMonths(7));
        var first = await portal.Get<TimerSweep>().RunAsync();
        var second = await portal.Get<TimerSweep>().RunAsync();

        Assert.True(first.Fired >= 3, $"{first.Fired} fired (the demo reviews have deadlines too)");
        Assert.Equal(new SweepResult(0, 0), second);
        await portal.WithDbAsync(async db =>
        {
            // The decision clock's timer was cancelled by the decision; the three that followed it fired.
            var timers = await db.Timers.Where(t => t.ReviewId == id && t.Status != TimerStatus.Cancelled).ToListAsync();
            Assert.Equal(3, timers.Count);
            Assert.All(timers, t => Assert.Equal(TimerStatus.Fired, t.Status));
            var entry = await db.JournalEntries.SingleAsync(j => j.ReviewId == id && j.Kind == JournalKind.Deadline);
            foreach (var kind in new[] { ClockKind.HomeOfficeNotification, ClockKind.Appointment, ClockKind.Completion })
            {
                Assert.Contains(ReviewClock.Describe(kind), entry.Detail, StringComparison.Ordinal);
            }

            var keys = await db.IdempotencyKeys.Where(k => k.ReviewId == id && k.Key.StartsWith("timer:")).ToListAsync();
            Assert.Equal(timers.Select(t => $"timer:{t.Id}").Order(), keys.Select(k => k.Key).Order());
            Assert.All(keys, k => Assert.Equal(entry.Id, k.JournalEntryId));
            // The audit row names each clock and its date, not the timers' ids.
            var audit = await db.AuditEvents.SingleAsync(a => a.ReviewId == id && a.Detail!.StartsWith("Deadline passed: "));
            var clocks = await db.ReviewClocks.Where(c => c.ReviewId == id && c.OverdueSinceUtc != null).ToListAsync();
            Assert.All(clocks, c => Assert.Contains(EntryWords.ClockDeadline(c.Kind, c.DueDate), audit.Detail, StringComparison.Ordinal));
            Assert.Contains("Home Office notification due ", audit.Detail, StringComparison.Ordinal);
            Assert.Equal(3, await db.ReviewClocks.CountAsync(c => c.ReviewId == id && c.OverdueSinceUtc != null));
            Assert.Equal(3, (await db.Reviews.SingleAsync(r => r.Id == id)).Version);
            var task = await db.WorkItems.SingleAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open);
            Assert.Equal((WorkItemKind.NotifyHomeOffice, WorkItemPriority.Urgent), (task.Kind, task.Priority));

            // A row written before deadlines were named ("deadline: timer 26, 27") reads the same on the review's history.
            db.AuditEvents.Add(new AuditEvent
            {
                AtUtc = audit.AtUtc, Action = AuditAction.Changed, Subject = "Review", SubjectId = id.ToString(), ReviewId = id, CaseReference = audit.CaseReference,
                Detail = $"deadline: timer {string.Join(", ", timers.Select(t => t.Id))}",
            });
            await db.SaveChangesAsync();
            var history = (await portal.Get<GetReviewHandler>().HandleAsync(officer, id)).Value.History;
            var named = history.Where(h => h.Detail?.StartsWith("Deadline passed: ", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(2, named.Count);
            Assert.All(clocks, c => Assert.All(named, h => Assert.Contains(EntryWords.ClockDeadline(c.Kind, c.DueDate), h.Detail, StringComparison.Ordinal)));

            // The demo reviews waiting for the Home Office's QA outcome: the chase deadline opened one chase task each.
            var submitted = await db.Reviews.Where(r => r.Stage == Stage.Submitted).Select(r => r.Id).ToListAsync();
            Assert.NotEmpty(submitted);
            foreach (var review in submitted)
            {
                var chase = await db.WorkItems.SingleAsync(w => w.ReviewId == review && w.Kind == WorkItemKind.ChaseQaOutcome);
                Assert.Equal((WorkItemStatus.Open, WorkItemPriority.High), (chase.Status, chase.Priority));
                Assert.NotNull((await db.ReviewClocks.SingleAsync(c => c.ReviewId == review && c.Kind == ClockKind.QaChase)).OverdueSinceUtc);
            }
            return 0;
        });
    }

    [Fact]
    public async Task Sweep_ADeadlineThatNoLongerStands_IsCancelledOnce_WithItsKey_AndNothingOnTheTimeline()
    {
        await using var portal = new PortalFactory(provider);
        var id = await WorkflowEngineTests.RegisterAsync(portal, London.DateOf(PortalFactory.DefaultNow.UtcDateTime));
        // The decision clock stopped without its timer (as a change racing the sweep's claim could leave it).
        await portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ClockStatus.Paused)));

        portal.Time.SetUtcNow(PortalFactory.DefaultNow.AddMonths(2));
        await portal.Get<TimerSweep>().RunAsync();
        await portal.Get<TimerSweep>().RunAsync();

        await portal.WithDbAsync(async db =>
        {
            var timer = await db.Timers.SingleAsync(t => t.ReviewId == id);
            Assert.Equal(TimerStatus.Cancelled, timer.Status);
            var key = await db.IdempotencyKeys.SingleAsync(k => k.Key == $"timer:{timer.Id}");
            Assert.Equal((id, (long?)null), (key.ReviewId!.Value, key.JournalEntryId));
            Assert.False(await db.JournalEntries.AnyAsync(j => j.ReviewId == id && j.Kind == JournalKind.Deadline));
            Assert.Null((await db.ReviewClocks.SingleAsync(c => c.ReviewId == id)).OverdueSinceUtc);
            return 0;
        });
    }
}

public sealed class SqliteTimerSweepTests() : TimerSweepTests(DatabaseProvider.Sqlite);

public sealed class PostgresTimerSweepTests() : TimerSweepTests(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task TwoPortals_SweepTheSameDueTimersAtOnce_EachTimerFiresOnce()
    {
        await using var one = new PortalFactory(DatabaseProvider.PostgreSql);
        var today = London.DateOf(PortalFactory.DefaultNow.UtcDateTime);
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await WorkflowEngineTests.RegisterAsync(one, today.AddDays(-i % 5)));
        }

        await using var two = new PortalFactory(DatabaseProvider.PostgreSql, postgresConnection: one.PostgresConnection);
        _ = two.Services;
        var later = PortalFactory.DefaultNow.AddMonths(3);
        one.Time.SetUtcNow(later);
        two.Time.SetUtcNow(later);
        var due = await one.WithDbAsync(db => db.Timers.CountAsync(t => t.Status == TimerStatus.Pending && t.DueAtUtc <= later.UtcDateTime));

        var results = await Task.WhenAll(
            Task.Run(() => one.Get<TimerSweep>().RunAsync()),
            Task.Run(() => two.Get<TimerSweep>().RunAsync()));

        Assert.True(due >= 30);
        Assert.Equal(due, results.Sum(r => r.Claimed));
        await one.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Timers.CountAsync(t => t.DueAtUtc <= later.UtcDateTime && (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Claimed)));
            var perReview = await db.JournalEntries.Where(j => ids.Contains(j.ReviewId) && j.Kind == JournalKind.Deadline)
                .GroupBy(j => j.ReviewId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(30, perReview.Count);
            Assert.All(perReview, n => Assert.Equal(1, n));
            return 0;
        });
    }
}
