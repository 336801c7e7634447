using Domain.Calendar;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Reminders;
using Xunit.Abstractions;

namespace Portal.Integration.Tests;

/// Issue 4, crash test: the real portal process (Hangfire dispatching the outbox every minute) is killed with SIGKILL
/// again and again while due reminders are being sent, and restarted each time. At the end every due reminder has
/// arrived at the SMTP server (maildev), at most one duplicate per kill, none once deduplicated by Message-Id.
/// The figures are printed (docs/RELIABILITY.md records a run). Takes a few minutes: filter on it to run it alone.
public sealed class ReminderCrashTests(ITestOutputHelper output)
{
    private const int Reviews = 200;
    private const int Kills = 4;

    [Fact]
    public async Task KilledWhileSending_EveryDueReminderArrives_AtMostOneDuplicatePerKill()
    {
        using var mail = new MailDev("PORTAL_TEST_CRASH");
        var dataPath = Directory.CreateTempSubdirectory("portal-crash-").FullName;
        HashSet<string> dueIds;
        await using (var portal = new PortalFactory(dataPath: dataPath))
        {
            // Business time = real time here: the real process that sends uses the system clock.
            portal.Time.SetUtcNow(DateTimeOffset.UtcNow);
            var today = London.DateOf(DateTime.UtcNow);
            for (var i = 0; i < Reviews; i++)
            {
                await WorkflowEngineTests.RegisterAsync(portal, today.AddMonths(-1));
            }

            await portal.Get<ReminderScan>().RunAsync();
            // The scan holds reminders back to 08:00 on a working day (ReminderTests checks that with a fake clock);
            // this test is about delivery across kills, so on a weekend or before 08:00 they are brought forward to now.
            var now = DateTime.UtcNow;
            await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now)));
            // The messages this test is about, by the Message-Id each is sent with: the portal processes started below run
            // their own scans on the real clock, and what those queue later (the demo data's tasks reaching a rung while
            // the test runs) is not counted against the kills.
            dueIds = (await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now)
                .Select(m => new { m.Id, m.Nonce }).ToListAsync())).Select(m => OutboxMessage.LocalIdFor(m.Id, m.Nonce)).ToHashSet();
        }

        var due = dueIds.Count;

        // The crash maildev is shared with TwoProcessCrashTests, which may run meanwhile: nothing is cleared, and what
        // arrived is told apart by Message-Id (ArrivedFromOutboxAsync). The counts below only time the kills.
        var already = (await mail.ForAsync(DemoAccounts.LrOfficer)).Count;

        Assert.True(due >= Reviews, $"{due} reminders due");
        var kills = 0;
        for (; kills < Kills; kills++)
        {
            var before = (await mail.ForAsync(DemoAccounts.LrOfficer)).Count;
            using var process = Start(dataPath, mail);
            // Wait for sending to start (Hangfire runs the dispatcher at the next minute), then kill mid-batch.
            var deadline = DateTime.UtcNow.AddSeconds(100);
            while ((await mail.ForAsync(DemoAccounts.LrOfficer)).Count == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(Random.Shared.Next(0, 300));
            await process.KillAsync();
            if ((await mail.ForAsync(DemoAccounts.LrOfficer)).Count - already >= Reviews)
            {
                kills++;
                break;
            }
        }

        // The last start runs until everything has arrived (a claim of a killed process is taken over after ClaimTimeout).
        var messageIds = new List<string>();
        using (var last = Start(dataPath, mail))
        {
            await using var check = new PortalFactory(dataPath: dataPath);
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (DateTime.UtcNow < deadline)
            {
                messageIds = (await mail.ArrivedFromOutboxAsync(check)).Where(dueIds.Contains).ToList();
                if (messageIds.Distinct().Count() >= due)
                {
                    break;
                }

                await Task.Delay(1000);
            }

            await last.KillAsync();
        }

        var distinct = messageIds.Distinct().Count();
        var duplicates = messageIds.Count - distinct;
        output.WriteLine($"kills={kills} due={due} delivered={distinct} received={messageIds.Count} duplicates={duplicates}");
        Assert.Equal(due, distinct);
        Assert.True(duplicates <= kills, $"{duplicates} duplicates for {kills} kills");
        Directory.Delete(dataPath, recursive: true);
    }

    /// The portal as deployed: its own process, Hangfire on, SMTP to maildev, a short claim timeout.
    private static PortalProcess Start(string dataPath, MailDev mail) => PortalProcess.StartServer(new Dictionary<string, string>
    {
        // The data folder holds the demo accounts, which a Production start refuses.
        ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        ["Database:Provider"] = "Sqlite",
        ["Database:DataPath"] = dataPath,
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:TlsMode"] = "None",
        ["Email:BatchSize"] = "5",
        ["Email:ClaimTimeout"] = "00:00:20",
        ["Reminders:Enabled"] = "false",
    });
}
