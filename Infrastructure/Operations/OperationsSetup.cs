using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Infrastructure.Operations;

public static class OperationsSetup
{
    /// Tag of the checks /health/ready runs (/health/live runs none: the process answers, that is all).
    public const string ReadyTag = "ready";

    /// The readiness checks. Database and migrations decide whether the process can serve (Unhealthy otherwise); the
    /// job server, the outbox, the timers and SMTP can only make it "Degraded": a load balancer keeps sending people
    /// to a process whose mail is late, which is right, and an operator sees why in the metrics.
    public static IHealthChecksBuilder AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Health").Get<HealthOptions>() ?? new HealthOptions();
        services.AddSingleton(options);
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<IHealthCheckPublisher, MetricsHealthPublisher>();
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(2);
            o.Period = options.PublishPeriod;
            o.Predicate = c => c.Tags.Contains(ReadyTag);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SmtpCheck>();
        string[] ready = [ReadyTag];
        var quick = TimeSpan.FromSeconds(5);
        return services.AddHealthChecks()
            .AddCheck<DatabaseCheck>(ReadinessCheckNames.Database, HealthStatus.Unhealthy, ready, quick)
            .AddCheck<MigrationsCheck>(ReadinessCheckNames.Migrations, HealthStatus.Unhealthy, ready, quick)
            .AddCheck<JobServerCheck>(ReadinessCheckNames.Jobs, HealthStatus.Degraded, ready, quick)
            .AddCheck<OutboxCheck>(ReadinessCheckNames.Outbox, HealthStatus.Degraded, ready, quick)
            .AddCheck<TimersCheck>(ReadinessCheckNames.Timers, HealthStatus.Degraded, ready, quick)
            .AddCheck<SmtpCheck>(ReadinessCheckNames.Smtp, HealthStatus.Degraded, ready, quick);
    }
}
