using Domain.Access;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Infrastructure.Data;
using Infrastructure.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Access;
using Workflows.ActionPlans;
using Workflows.Data;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.Timers;

namespace Infrastructure.Jobs;

/// Hangfire runs the background jobs: in memory with SQLite (one process), in PostgreSQL when several processes
/// share a database. Its storage can be lost without losing a deadline: due times live in our Timers table.
/// "Jobs:Enabled" = false runs no job server (the tests call the sweep themselves).
public static class JobsSetup
{
    public const string TimerSweepJobId = "timer-sweep";

    public const string OutboxDispatchJobId = "outbox-dispatch";

    public const string ReminderScanJobId = "reminder-scan";

    public const string ActionPlanScanJobId = "action-plan-scan";

    public const string PlannerStatisticsJobId = "planner-statistics";

    public const string BackupJobId = "backup";

    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions options)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            return services;
        }

        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (options.Provider == DatabaseProvider.PostgreSql)
            {
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.PostgreSqlConnection));
            }
            else
            {
                c.UseInMemoryStorage();
            }
        });
        // A name of its own per process, so the readiness check finds this process's heartbeat among the servers
        // that share a PostgreSQL storage.
        var name = new Operations.JobServerName($"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant());
        services.AddSingleton(name);
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Min(4, Environment.ProcessorCount);
            o.ServerName = name.Value;
        });
        services.AddHostedService<RecurringJobs>();
        services.AddSingleton<TimerSweepJob>();
        services.AddSingleton<OutboxDispatchJob>();
        services.AddSingleton<ReminderScanJob>();
        services.AddSingleton<PanelReminderJob>();
        services.AddSingleton<ActionPlanScanJob>();
        services.AddSingleton<PlannerStatisticsJob>();
        services.AddSingleton<BackupJob>();
        return services;
    }

    /// The dashboard at /hangfire, for administrators only (checked against the database on every request).
    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<JobStorage>() is null)
        {
            return;
        }

        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
            DisplayStorageConnectionString = false,
        });
    }

    /// Registers the recurring jobs on start (UTC; IDs only, never case data, as arguments: here none at all).
    private sealed class RecurringJobs(IRecurringJobManager jobs, DatabaseOptions database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            jobs.AddOrUpdate<TimerSweepJob>(TimerSweepJobId, j => j.RunAsync(), Cron.Minutely(), utc);
            jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJobId, j => j.RunAsync(), Cron.Minutely(), utc);
            jobs.AddOrUpdate<ReminderScanJob>(ReminderScanJobId, j => j.RunAsync(), "*/15 * * * *", utc);
            jobs.AddOrUpdate<PanelReminderJob>(PanelReminderJob.Id, j => j.RunAsync(), "*/15 * * * *", utc);
            jobs.AddOrUpdate<ActionPlanScanJob>(ActionPlanScanJobId, j => j.RunAsync(), Cron.Hourly(), utc);
            jobs.AddOrUpdate<PlannerStatisticsJob>(PlannerStatisticsJobId, j => j.RunAsync(), Cron.Daily(2, 30), utc);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // PostgreSQL is backed up with pg_dump (scripts/postgres-backup.sh), by the server's own schedule.
                jobs.AddOrUpdate<BackupJob>(BackupJobId, j => j.RunAsync(), Cron.Daily(2, 0), utc);
            }
            else
            {
                jobs.RemoveIfExists(BackupJobId);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            return (await context.GetHttpContext().ActorAsync()).Is(Role.Administrator);
        }
    }
}

/// The job Hangfire calls every minute: sweeps due timers. No arguments.
public sealed class TimerSweepJob(TimerSweep sweep, PortalMetrics metrics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(JobsSetup.TimerSweepJobId, () => sweep.RunAsync());
}

/// The job Hangfire calls every minute: sends what the outbox holds (due messages only; retries wait out their backoff).
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, PortalMetrics metrics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(JobsSetup.OutboxDispatchJobId, () => dispatcher.RunOnceAsync());
}

/// The job Hangfire calls every 15 minutes: queues the reminders and escalations due today, cancels unwanted ones.
public sealed class ReminderScanJob(ReminderScan scan, PortalMetrics metrics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(JobsSetup.ReminderScanJobId, () => scan.RunAsync());
}

/// The job Hangfire calls every hour: quarterly update requests and due impact reviews of the action plans.
public sealed class ActionPlanScanJob(ActionPlanScan scan, PortalMetrics metrics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(JobsSetup.ActionPlanScanJobId, () => scan.RunAsync());
}

/// The job Hangfire calls daily at 02:30 UTC: SQLite's planner statistics, as the data grows (a no-op on PostgreSQL).
public sealed class PlannerStatisticsJob(PlannerStatistics statistics, PortalMetrics metrics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(JobsSetup.PlannerStatisticsJobId, () => statistics.RefreshAsync());
}

/// The job Hangfire calls daily at 02:00 UTC on SQLite: a backup into Backup:Folder, keeping Backup:KeepDays.
public sealed class BackupJob(Backups.SqliteBackup backup)
{
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task RunAsync() => backup.RunAsync();
}
