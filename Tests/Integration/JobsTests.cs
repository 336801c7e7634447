using System.Net;
using Hangfire;
using Hangfire.Storage;
using Infrastructure.Backups;
using Infrastructure.Data;
using Infrastructure.Jobs;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Email;
using Workflows.Panels;
using Workflows.Reminders;
using Workflows.Timers;

namespace Portal.Integration.Tests;

/// Hangfire as configured for the embedded (SQLite) portal: every recurring job and the admin-only dashboard.
public sealed class JobsTests
{
    [Fact]
    public async Task Start_RegistersTheMinutelySweep_AndTheDashboardRefusesAnonymousUsers()
    {
        await using var portal = new PortalFactory(demoData: false);
        portal.Set("Jobs:Enabled", "true");
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(JobsSetup.DashboardPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var connection = portal.Get<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        // Each job: its id (also the metrics' job tag), its cron in UTC, the service it runs (Hangfire stores the
        // wrapper's type) and no arguments at all, so nothing about a case or a person sits in Hangfire's storage.
        (string Id, string Cron, Type Runs)[] expected =
        [
            (JobsSetup.TimerSweepJobId, "*/1 * * * *", typeof(TimerSweep)), // Jobs:SweepAndSendEvery's default: a minute
            (JobsSetup.OutboxDispatchJobId, "*/1 * * * *", typeof(OutboxDispatcher)),
            (JobsSetup.ReminderScanJobId, "*/15 * * * *", typeof(ReminderScan)),
            (JobsSetup.PanelReminderJobId, "*/15 * * * *", typeof(PanelReminderScan)),
            (JobsSetup.ActionPlanScanJobId, Cron.Hourly(), typeof(ActionPlanScan)),
            (JobsSetup.PlannerStatisticsJobId, Cron.Daily(2, 30), typeof(PlannerStatistics)),
            (JobsSetup.BackupJobId, Cron.Daily(2, 0), typeof(SqliteBackup)),
        ];
        Assert.Equal(expected.Select(e => e.Id).Order(), jobs.Select(j => j.Id).Order());
        foreach (var (id, cron, runs) in expected)
        {
            var job = Assert.Single(jobs, j => j.Id == id);
            Assert.Equal(cron, job.Cron);
            Assert.Equal("UTC", job.TimeZoneId);
            Assert.Equal(typeof(PortalJob<>).MakeGenericType(runs), job.Job.Type);
            Assert.Empty(job.Job.Args);
        }
    }
}
