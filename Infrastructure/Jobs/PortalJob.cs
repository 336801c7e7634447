using Hangfire;
using Infrastructure.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Infrastructure.Jobs;

/// One recurring job: its id (Hangfire's and the metrics' job="..." tag), when it runs (a cron in UTC; null: not on
/// this portal, and removed if an earlier start registered it) and the one service call it makes.
public sealed record RecurringWork<TService>(string Id, string? Cron, Func<TService, Task> Run) : IRecurringWork
    where TService : notnull
{
    public void Register(IRecurringJobManager jobs, RecurringJobOptions options)
    {
        if (Cron is null)
        {
            jobs.RemoveIfExists(Id);
        }
        else
        {
            // Hangfire stores the job's type (PortalJob<TService>) and no arguments: nothing about a case or a person.
            jobs.AddOrUpdate<PortalJob<TService>>(Id, j => j.RunAsync(), Cron, options);
        }
    }
}

public interface IRecurringWork
{
    string Id { get; }

    void Register(IRecurringJobManager jobs, RecurringJobOptions options);
}

/// What Hangfire calls for every recurring job: the registered service call, timed (portal_job_duration_seconds).
/// One run of a job at a time across processes; a run that finds another holding the lock for five minutes fails and
/// is retried by Hangfire (the jobs are safe to run twice).
public sealed class PortalJob<TService>(TService service, RecurringWork<TService> work, PortalMetrics metrics)
    where TService : notnull
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(work.Id, () => work.Run(service));
}

public static class PortalJobs
{
    /// Adds a recurring job that runs one call of a registered service.
    public static IServiceCollection AddRecurringJob<TService>(this IServiceCollection services, string id, string? cron, Func<TService, Task> run)
        where TService : notnull
    {
        // The service's type names the job in Hangfire's storage, so one job per service.
        if (services.Any(d => d.ServiceType == typeof(RecurringWork<TService>)))
        {
            throw new InvalidOperationException($"{typeof(TService).Name} already runs as a recurring job; job '{id}' needs a service of its own.");
        }

        var work = new RecurringWork<TService>(id, cron, run);
        services.AddSingleton(work);
        services.AddSingleton<IRecurringWork>(work);
        services.AddSingleton<PortalJob<TService>>();
        return services;
    }
}
