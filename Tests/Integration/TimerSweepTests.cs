using Domain.Calendar;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
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
