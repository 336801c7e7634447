using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Infrastructure.Operations;

/// The portal's own instruments (meter "ReviewPortal"): the readiness figures as gauges, read from the latest health
/// report (published every Health:PublishPeriod, so a scrape never queries the database), and the duration of each
/// background job run. Tags hold check and job names only: nothing about a case or a person.
public sealed class PortalMetrics
{
    public const string MeterName = "ReviewPortal";

    private readonly Histogram<double> _jobDuration;
    private HealthReport? _latest;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _jobDuration = meter.CreateHistogram<double>("portal.job.duration", "s", "How long one run of a background job took");
        meter.CreateObservableGauge("portal.health.status", Statuses, description: "Each readiness check: 2 healthy, 1 degraded, 0 unhealthy");
        meter.CreateObservableGauge("portal.outbox.backlog", () => Figure(ReadinessCheckNames.Outbox, ReadinessCheckNames.BacklogKey),
            "{message}", "Emails due and not yet sent");
        meter.CreateObservableGauge("portal.outbox.oldest_unsent_age", () => Figure(ReadinessCheckNames.Outbox, ReadinessCheckNames.AgeSecondsKey),
            "s", "How long the oldest email due and not yet sent has waited");
        meter.CreateObservableGauge("portal.timers.lag", () => Figure(ReadinessCheckNames.Timers, ReadinessCheckNames.AgeSecondsKey),
            "s", "How long the oldest timer due and not yet fired has waited");
        meter.CreateObservableGauge("portal.jobs.heartbeat_age", () => Figure(ReadinessCheckNames.Jobs, ReadinessCheckNames.AgeSecondsKey),
            "s", "Age of this process's job server heartbeat (-1: none found)");
    }

    public void Publish(HealthReport report) => _latest = report;

    /// Runs one background job and records how long it took, tagged with the job's name and whether it failed.
    public async Task TimeJobAsync(string job, Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await run();
            outcome = "succeeded";
        }
        finally
        {
            _jobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private IEnumerable<Measurement<int>> Statuses() =>
        _latest?.Entries.Select(e => new Measurement<int>((int)e.Value.Status, new KeyValuePair<string, object?>("check", e.Key))) ?? [];

    private IEnumerable<Measurement<double>> Figure(string check, string key) =>
        _latest is { } report && report.Entries.TryGetValue(check, out var entry) && entry.Data.TryGetValue(key, out var value)
            ? [new Measurement<double>(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}

/// Hands each periodic health report to the gauges.
internal sealed class MetricsHealthPublisher(PortalMetrics metrics) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        metrics.Publish(report);
        return Task.CompletedTask;
    }
}
