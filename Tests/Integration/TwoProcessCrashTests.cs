using System.Globalization;
using Domain.Calendar;
using Domain.Email;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Reminders;
using Xunit.Abstractions;

namespace Portal.Integration.Tests;

/// Issue 17, crashes with several processes: two portal processes (separate operating-system processes) on one
/// PostgreSQL database both sweep timers and send mail (every 2 s here, Jobs:SweepAndSendEvery), and one of them is
/// killed with SIGKILL again and again. At the end every due message has been delivered once by Message-Id (a kill
/// between the SMTP hand-over and the "sent" mark can repeat one message with the same Message-Id), and every due timer
/// fired exactly once. CI runs a few kills; PORTAL_CRASH_KILLS=50 (and PORTAL_CRASH_REVIEWS) makes the by-hand run
/// whose figures are in docs/RELIABILITY.md.
public sealed class TwoProcessCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TwoProcesses_OneKilledAgainAndAgain_EveryMessageDeliveredOnce_NoTimerFiredTwice()
    {
        var kills = Setting("PORTAL_CRASH_KILLS", 2);
        var reviews = Setting("PORTAL_CRASH_REVIEWS", 30);
        using var mail = new MailDev("PORTAL_TEST_CRASH");
        var started = DateTime.UtcNow;
        string connection;
        int due;
        List<long> dueIds;
        List<long> timers;
        // One data folder for every process, as a deployment of several processes shares one (the demo's documents are there).
        var dataPath = Directory.CreateTempSubdirectory("portal-crash-").FullName;
        await using (var portal = new PortalFactory(DatabaseProvider.PostgreSql, dataPath: dataPath))
        {
            connection = portal.PostgresConnection!;
            portal.Time.SetUtcNow(DateTimeOffset.UtcNow); // the processes use the system clock
            var today = London.DateOf(DateTime.UtcNow);
            // Notified two months ago: the decision (due a month after notification) is overdue, so each review's
            // timer is due now and firing it writes a deadline entry; its task's overdue emails are queued too.
            for (var i = 0; i < reviews; i++)
            {
                await WorkflowEngineTests.RegisterAsync(portal, today.AddMonths(-2));
            }

            await portal.Get<ReminderScan>().RunAsync();
            // The scan holds emails back to 08:00 on a working day: brought forward to now.
            var now = DateTime.UtcNow;
            await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now).SetProperty(m => m.NotBeforeUtc, now)));
            dueIds = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync());
            due = dueIds.Count;
            timers = await portal.WithDbAsync(db => db.Timers.Where(t => t.Status == TimerStatus.Pending && t.DueAtUtc <= now).Select(t => t.Id).ToListAsync());
        }

        Assert.True(due >= reviews, $"{due} messages due");
        using var survivor = Start(connection, mail, dataPath);
        await survivor.ServerAddressAsync();
        var victimStarts = new List<TimeSpan>();
        for (var k = 0; k < kills; k++)
        {
            using var victim = Start(connection, mail, dataPath);
            var up = DateTime.UtcNow;
            await victim.ServerAddressAsync();
            victimStarts.Add(DateTime.UtcNow - up);
            // Killed at a random moment of its work: the jobs run every 2 s, a batch of 5 messages at a time.
            await Task.Delay(Random.Shared.Next(500, 4000));
            await victim.KillAsync();
        }

        // The survivor (and a last start of the other) finish the work; claims of the killed process are taken over
        // after Email:ClaimTimeout and Timers:ClaimLease.
        using var last = Start(connection, mail, dataPath);
        var (delivered, received, left, unfired) = (0, 0, 0, 0);
        await using var check = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, dataPath: dataPath, postgresConnection: connection);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        List<string> ids = [];
        while (DateTime.UtcNow < deadline)
        {
            left = await check.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent && m.Status != OutboxStatus.Cancelled));
            unfired = await check.WithDbAsync(db => db.Timers.CountAsync(t => timers.Contains(t.Id) && (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Claimed)));
            ids = await mail.ArrivedFromOutboxAsync(check);
            if (left == 0 && unfired == 0 && ids.Distinct().Count() >= due)
            {
                break;
            }

            await Task.Delay(1000);
        }

        var elapsed = DateTime.UtcNow - started;
        delivered = ids.Distinct().Count();
        received = ids.Count;
        var sent = await check.WithDbAsync(db => db.OutboxMessages.CountAsync(m => dueIds.Contains(m.Id) && m.Status == OutboxStatus.Sent));
        var keys = await check.WithDbAsync(db => db.IdempotencyKeys.Where(k => k.Key.StartsWith("timer:")).Select(k => new { k.Key, k.JournalEntryId }).ToListAsync());
        var timerKeys = keys.Where(k => timers.Contains(long.Parse(k.Key["timer:".Length..], CultureInfo.InvariantCulture))).ToList();
        var entries = await check.WithDbAsync(db => db.JournalEntries.Where(j => j.Kind == JournalKind.Deadline && j.RecordedAtUtc >= started.AddMinutes(-1)).Select(j => (long?)j.Id).ToListAsync());
        var deadlineEntries = entries.Count;
        // Each deadline entry of the run belongs to a firing that its timers' keys record (deadlines that passed together
        // share one entry): no entry written by a firing that did not claim its timers.
        var referencing = keys.Where(k => entries.Contains(k.JournalEntryId)).GroupBy(k => k.JournalEntryId).ToList();
        var journalled = referencing.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"processes=2 kills={kills} reviews={reviews} messages_due={due} delivered_distinct_message_ids={delivered} received={received} duplicates={received - delivered} "
            + $"timers_due={timers.Count} timers_fired_once={timerKeys.Count} deadline_journal_entries={deadlineEntries} unsent_left={left} timers_left={unfired} deadline_entries_with_their_timer={journalled} "
            + $"victim_start_s_median={victimStarts.Order().ElementAt(victimStarts.Count / 2).TotalSeconds:F1} elapsed_s={elapsed.TotalSeconds:F0}"));

        Assert.Equal(0, left);
        Assert.Equal(due, sent);
        Assert.Equal(due, delivered);
        Assert.True(received - delivered <= kills, $"{received - delivered} duplicates for {kills} kills");
        Assert.Equal(0, unfired);
        Assert.Equal(timers.Count, timerKeys.Count); // one key per timer: the unique index refuses a second firing
        Assert.Equal(timerKeys.Count, timerKeys.Select(k => k.Key).Distinct().Count());
        Assert.True(deadlineEntries >= reviews, $"{deadlineEntries} deadline entries for {reviews} overdue reviews");
        Assert.Equal(deadlineEntries, journalled);
        Directory.Delete(dataPath, recursive: true);
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) ? value : fallback;

    private static PortalProcess Start(string connection, MailDev mail, string dataPath) => PortalProcess.StartServer(new Dictionary<string, string>
    {
        ["Database:DataPath"] = dataPath,
        // The database holds the demo accounts, which a Production start refuses.
        ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        ["Database:Provider"] = "PostgreSql",
        ["Database:PostgreSqlConnection"] = connection,
        ["Seed:DemoData"] = "false",
        ["Jobs:SweepAndSendEvery"] = "00:00:02",
        ["Timers:ClaimLease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:TlsMode"] = "None",
        ["Email:BatchSize"] = "5",
        ["Email:ClaimTimeout"] = "00:00:10",
        ["Reminders:Enabled"] = "false",
    });
}
