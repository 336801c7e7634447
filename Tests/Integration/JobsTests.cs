using System.Net;
using Hangfire;
using Hangfire.Storage;
using Infrastructure.Jobs;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// Hangfire as configured for the embedded (SQLite) portal: the recurring sweep, the outbox dispatcher and the admin-only dashboard.
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
        foreach (var id in new[] { JobsSetup.TimerSweepJobId, JobsSetup.OutboxDispatchJobId })
        {
            var job = Assert.Single(jobs, j => j.Id == id);
            Assert.Equal("*/1 * * * *", job.Cron); // Jobs:SweepAndSendEvery's default: a minute
            Assert.Empty(job.Job.Args);
        }

        var scan = Assert.Single(jobs, j => j.Id == JobsSetup.ReminderScanJobId);
        Assert.Equal("*/15 * * * *", scan.Cron);
        Assert.Empty(scan.Job.Args);
        var statistics = Assert.Single(jobs, j => j.Id == JobsSetup.PlannerStatisticsJobId);
        Assert.Equal(Cron.Daily(2, 30), statistics.Cron);
        Assert.Empty(statistics.Job.Args);
        var backup = Assert.Single(jobs, j => j.Id == JobsSetup.BackupJobId);
        Assert.Equal(Cron.Daily(2, 0), backup.Cron);
        Assert.Equal(nameof(BackupJob), backup.Job.Type.Name);
        Assert.Empty(backup.Job.Args);
    }
}
