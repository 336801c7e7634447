using Domain.Access;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Infrastructure.Backups;
using Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Access;
using Workflows.ActionPlans;
using Workflows.Data;
using Workflows.Email;
using Workflows.Panels;
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

    public const string PanelReminderJobId = "panel-reminders";

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
                // A lock of a process that was killed holding it (a recurring job being scheduled or run) blocks the
                // others until it expires: a minute, not Hangfire.PostgreSql's ten (the two-process crash test found a
                // restart refused for that long). Our jobs are safe to run twice, so an early expiry costs nothing.
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.PostgreSqlConnection),
                    new PostgreSqlStorageOptions { DistributedLockTimeout = TimeSpan.FromMinutes(1) });
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
        var every = JobInterval(configuration);
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Min(4, Environment.ProcessorCount);
            o.ServerName = name.Value;
            // Recurring jobs are looked at this often: no less often than they are due.
            o.SchedulePollingInterval = every < o.SchedulePollingInterval ? every : o.SchedulePollingInterval;
        });
        services.AddHostedService<RecurringJobs>();
        // Every minute (Jobs:SweepAndSendEvery): due timers, and the outbox's due messages (retries wait out their backoff).
        var frequent = FrequentCron(every);
        services.AddRecurringJob<TimerSweep>(TimerSweepJobId, frequent, s => s.RunAsync());
        services.AddRecurringJob<OutboxDispatcher>(OutboxDispatchJobId, frequent, d => d.RunOnceAsync());
        // Queues the reminders and escalations due today, cancels unwanted ones; panel members' meeting reminders.
        services.AddRecurringJob<ReminderScan>(ReminderScanJobId, "*/15 * * * *", s => s.RunAsync());
        services.AddRecurringJob<PanelReminderScan>(PanelReminderJobId, "*/15 * * * *", s => s.RunAsync());
        // Quarterly update requests and due impact reviews of the action plans.
        services.AddRecurringJob<ActionPlanScan>(ActionPlanScanJobId, Cron.Hourly(), s => s.RunAsync());
        // SQLite's planner statistics, as the data grows (a no-op on PostgreSQL).
        services.AddRecurringJob<PlannerStatistics>(PlannerStatisticsJobId, Cron.Daily(2, 30), s => s.RefreshAsync());
        // A backup into Backup:Folder, keeping Backup:KeepDays. PostgreSQL is backed up with pg_dump
        // (scripts/postgres-backup.sh), by the server's own schedule.
        services.AddRecurringJob<SqliteBackup>(BackupJobId, options.Provider == DatabaseProvider.Sqlite ? Cron.Daily(2, 0) : null, b => b.RunAsync());
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

    /// Registers the recurring jobs on start (UTC; no arguments: PortalJob). On a shared PostgreSQL storage another
    /// process may hold a job's lock, or a killed one may have left it until it expires: the start goes on (the jobs are
    /// registered already, by the other) and the registration is tried again.
    private sealed class RecurringJobs(IRecurringJobManager jobs, IEnumerable<IRecurringWork> works, ILogger<RecurringJobs> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
                    foreach (var work in works)
                    {
                        work.Register(jobs, utc);
                    }

                    return;
                }
                catch (Exception e) when (e is Hangfire.Storage.DistributedLockTimeoutException or PostgreSqlDistributedLockException)
                {
                    logger.LogWarning("Recurring jobs not registered yet: {Error}. Trying again in 15 seconds.", e.GetType().Name);
                    await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken);
                }
            }
        }
    }

    /// Jobs:SweepAndSendEvery: how often the timer sweep and the outbox dispatcher run (a minute; seconds for tests
    /// that kill processes and cannot wait a minute for each run). A whole number of seconds under a minute, or of
    /// minutes under an hour.
    private static TimeSpan JobInterval(IConfiguration configuration)
    {
        var every = configuration.GetValue("Jobs:SweepAndSendEvery", TimeSpan.FromMinutes(1));
        var valid = every >= TimeSpan.FromSeconds(1) && every < TimeSpan.FromHours(1)
            && (every < TimeSpan.FromMinutes(1) ? every.Ticks % TimeSpan.TicksPerSecond == 0 && 60 % every.Seconds == 0
                : every.Ticks % TimeSpan.TicksPerMinute == 0 && 60 % every.Minutes == 0);
        return valid ? every : throw new InvalidOperationException(
            $"Jobs:SweepAndSendEvery is {every}: use a number of seconds or minutes that divides 60, e.g. 00:01:00 or 00:00:05.");
    }

    /// The cron of the every-minute jobs: 6 fields (with seconds) below a minute.
    private static string FrequentCron(TimeSpan every) =>
        every < TimeSpan.FromMinutes(1) ? $"*/{every.Seconds} * * * * *" : $"*/{every.Minutes} * * * *";

    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            return (await context.GetHttpContext().ActorAsync()).Is(Role.Administrator);
        }
    }
}
