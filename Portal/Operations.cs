using System.Net;
using System.Text.Json;
using Infrastructure.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Portal;

/// What an IT team watches: health endpoints for a load balancer, OpenTelemetry metrics (a Prometheus scrape endpoint
/// open only to listed addresses, and/or OTLP), and logs as JSON lines on request (docs/DEPLOYMENT.md).
internal static class Operations
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    // Blazor's own meters (.NET 10): browser events handled on the circuit, circuits open, render and parameter times.
    private static readonly string[] Meters =
    [
        PortalMetrics.MeterName,
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
    ];

    // Seconds from 1 ms to 10 s: the SDK's default buckets (0, 5, 10, 25 ...) suit milliseconds, not seconds.
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static void AddOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.Equals(configuration["Logging:Format"], "Json", StringComparison.OrdinalIgnoreCase))
        {
            // One JSON object a line, UTC timestamps; no scopes (they would repeat request paths and ids on every line).
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = false;
            });
        }

        var scrape = ScrapeAllowList.Parse(configuration["Metrics:ScrapeAllowedFrom"]);
        builder.Services.AddSingleton(scrape);
        var otlp = configuration["Metrics:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("review-portal"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(Meters);
                m.AddView(instrument => instrument.Unit == "s" && instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal)
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets }
                    : null);
                if (scrape.Enabled)
                {
                    m.AddPrometheusExporter();
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
    }

    /// Before the portal's own middleware: a scrape from an allowed address is answered here; any other address falls
    /// through to "not found", as if there were no such page.
    public static void UseMetricsScrape(this WebApplication app)
    {
        var scrape = app.Services.GetRequiredService<ScrapeAllowList>();
        if (scrape.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null,
                predicate: http => http.Request.Path == MetricsPath && scrape.Allows(http.Connection.RemoteIpAddress),
                path: null,
                configureBranchedPipeline: null,
                optionsName: null);
        }
    }

    /// Open to anyone without sign-in (a load balancer has no account), and telling nothing but the overall status and
    /// each check's name and status: no figures, no exception text, nothing about a case or a person.
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(OperationsSetup.ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }, cancellationToken: http.RequestAborted);
    }
}

/// Metrics:ScrapeAllowedFrom: addresses ("127.0.0.1") and networks ("10.20.0.0/16"), comma-separated. Empty: no
/// scrape endpoint at all.
internal sealed class ScrapeAllowList(IReadOnlyList<IPNetwork> networks)
{
    public bool Enabled => networks.Count > 0;

    public static ScrapeAllowList Parse(string? setting) => new(NetworkList.Parse(setting, "Metrics:ScrapeAllowedFrom"));

    public bool Allows(IPAddress? address) => address is not null && networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}

/// A comma-separated list of addresses and networks from configuration; a malformed entry stops the start, naming the key.
internal static class NetworkList
{
    public static IReadOnlyList<IPNetwork> Parse(string? setting, string key) =>
        (setting ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => IPNetwork.TryParse(entry, out var network) ? network
                : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
                : throw new InvalidOperationException($"{key}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8."))
            .ToList();
}
