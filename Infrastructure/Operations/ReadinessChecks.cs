using Domain.Email;
using Domain.Workflow;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Infrastructure.Operations;

/// The "Health" section of appsettings.json (README.md, Configuration): when a figure turns a check "Degraded".
public sealed class HealthOptions
{
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan TimerMaxLag { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan JobHeartbeatMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// The SMTP server is asked at most this often (a load balancer may poll every few seconds).
    public TimeSpan SmtpProbeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// How often the checks run in the background for the metrics' gauges.
    public TimeSpan PublishPeriod { get; set; } = TimeSpan.FromSeconds(30);
}

/// The names of the readiness checks, as /health/ready lists them and the metrics tag them.
public static class ReadinessCheckNames
{
    public const string Database = "database";
    public const string Migrations = "migrations";
    public const string Jobs = "jobs";
    public const string Outbox = "outbox";
    public const string Timers = "timers";
    public const string Smtp = "smtp";

    /// Keys of HealthCheckResult.Data that the metrics read (never shown by /health/ready).
    public const string BacklogKey = "backlog";
    public const string AgeSecondsKey = "age_seconds";
}

/// The database answers. Without it the process cannot serve anything: Unhealthy.
internal sealed class DatabaseCheck(IReviewDbFactory dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
    }
}

/// Every migration this build knows is applied: a database behind the code (or a half-finished upgrade) is Unhealthy.
internal sealed class MigrationsCheck(IReviewDbFactory dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return (await db.Database.GetPendingMigrationsAsync(ct)).Any() ? HealthCheckResult.Unhealthy() : HealthCheckResult.Healthy();
    }
}

/// Messages due and not yet sent, and how long the oldest has waited since it was due. Mail running late does not stop
/// the portal serving pages: Degraded at worst.
internal sealed class OutboxCheck(IReviewDbFactory dbs, BusinessClock clock, HealthOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbs.CreateAsync(ct);
        var unsent = db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed
            || m.Status == OutboxStatus.Sending) && m.NotBeforeUtc <= now);
        var backlog = await unsent.CountAsync(ct);
        var oldest = backlog == 0 ? (DateTime?)null : await unsent.MinAsync(m => (DateTime?)m.NotBeforeUtc, ct);
        var age = oldest is { } due ? now - due : TimeSpan.Zero;
        var data = new Dictionary<string, object> { [ReadinessCheckNames.BacklogKey] = backlog, [ReadinessCheckNames.AgeSecondsKey] = age.TotalSeconds };
        return age > options.OutboxMaxAge ? HealthCheckResult.Degraded(data: data) : HealthCheckResult.Healthy(data: data);
    }
}

/// How late the timer sweep is: the age of the oldest timer due and not yet fired (the sweep runs every minute, in one
/// of the processes). Deadlines firing late do not stop pages: Degraded at worst.
internal sealed class TimersCheck(IReviewDbFactory dbs, BusinessClock clock, HealthOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbs.CreateAsync(ct);
        var oldest = await db.Timers.Where(t => (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Claimed) && t.DueAtUtc <= now)
            .MinAsync(t => (DateTime?)t.DueAtUtc, ct);
        var lag = oldest is { } due ? now - due : TimeSpan.Zero;
        var data = new Dictionary<string, object> { [ReadinessCheckNames.AgeSecondsKey] = lag.TotalSeconds };
        return lag > options.TimerMaxLag ? HealthCheckResult.Degraded(data: data) : HealthCheckResult.Healthy(data: data);
    }
}

/// This process's job server (Hangfire) beats: its heartbeat is recent. With Jobs:Enabled=false there is none to check.
internal sealed class JobServerCheck(IServiceProvider services, TimeProvider time, HealthOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (services.GetService<JobStorage>() is not { } storage || services.GetService<JobServerName>() is not { } name)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var heartbeat = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(name.Value + ":", StringComparison.OrdinalIgnoreCase))
            .Max(s => s.Heartbeat);
        var age = heartbeat is { } beat ? time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(beat, DateTimeKind.Utc) : (TimeSpan?)null;
        var data = new Dictionary<string, object> { [ReadinessCheckNames.AgeSecondsKey] = age?.TotalSeconds ?? -1 };
        return Task.FromResult(age is { } a && a <= options.JobHeartbeatMaxAge ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Degraded(data: data));
    }
}

/// The SMTP server (or the pickup folder) takes mail. Unreachable is Degraded: pages work, mail waits in the outbox.
/// The answer is kept for Health:SmtpProbeInterval, so frequent polling does not hammer the council's relay.
internal sealed class SmtpCheck(IEmailTransport transport, TimeProvider time, HealthOptions options) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, bool Up)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_last is not { } last || now - last.At >= options.SmtpProbeInterval)
            {
                _last = (now, await ProbeAsync(ct));
            }

            return _last.Value.Up ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<bool> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await transport.ProbeAsync(ct);
            return true;
        }
        catch (Exception)
        {
            // Refused, timed out, TLS or credentials failed: all read "mail cannot go out now". The reason is the
            // dispatcher's to log (it does, on its next attempt), not the health endpoint's to show.
            return false;
        }
    }
}

/// The name this process's Hangfire server registers under (its id is the name, then ":" and more).
public sealed record JobServerName(string Value);
