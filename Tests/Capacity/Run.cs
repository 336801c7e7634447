using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using Portal.Testing;

namespace Portal.Capacity;

/// One measurement: a fresh portal, N people working, figures taken.
internal sealed class Run
{
    public const string Header =
        "| Database | People | Circuits connected / in memory | RSS before, MB | RSS with N, MB | RSS a circuit, MB | GC heap with N, MB | Interactions | Event p50, ms | Event p95, ms | Page p50, ms | Page p95, ms | Errors | Load average |";

    private static readonly string[] Accounts = [DemoAccounts.LrOfficer, DemoAccounts.LrManager];

    public static async Task<string> OnceAsync(IPlaywright playwright, string database, int people, TimeSpan hold, int perBrowser)
    {
        var data = Directory.CreateTempSubdirectory("portal-capacity-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database,
            ["Database:DataPath"] = data,
            // The people are the demo accounts, which Production refuses: Staging is Production without those refusals.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Seed:DemoData"] = "true",
            ["Seed:DemoPassword"] = PortalFactory.DemoPasswordForTests,
            ["Security:RequireTwoFactorForRoles"] = string.Empty,
            ["Metrics:ScrapeAllowedFrom"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Error",
            // Production refuses the pickup folder; the demo data's reminders go to an SMTP server that need not exist
            // (the outbox retries them), as a real portal's would while its relay is down.
            ["Email:Transport"] = "Smtp",
        };
        string? pgDatabase = null;
        if (database == "PostgreSql")
        {
            var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") ?? throw new InvalidOperationException("PORTAL_TEST_POSTGRES is not set.");
            pgDatabase = $"portal_capacity_{DateTime.UtcNow:yyyyMMddHHmmss}";
            settings["Database:PostgreSqlConnection"] = $"{server};Database={pgDatabase}";
        }

        var portal = PortalProcess.StartServer(settings);
        var address = await portal.ServerAddressAsync(TimeSpan.FromMinutes(5));
        using var metrics = new Metrics(address);
        var browsers = new List<IBrowser>();
        var people_ = new List<Person>();
        try
        {
            for (var i = 0; i < (people + perBrowser - 1) / perBrowser; i++)
            {
                browsers.Add(await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-quic",
                        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
                }));
            }

            // One sign-in per account (the form, as a person does it); every context starts from its cookie.
            var states = new List<string>();
            foreach (var account in Accounts)
            {
                states.Add(await Person.SignInAsync(browsers[0], address, account));
            }

            // Warm-up: one person through the loop twice (JIT, caches), then the baseline with no circuit open.
            await using (var warm = await Person.OpenAsync(browsers[0], address, states[0]))
            {
                await warm.StepAsync();
                await warm.StepAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            var rssBefore = Rss(portal.Process.Id);

            for (var i = 0; i < people; i++)
            {
                people_.Add(await Person.OpenAsync(browsers[i / perBrowser], address, states[i % states.Count]));
            }

            var before = await metrics.ScrapeAsync();
            using var stop = new CancellationTokenSource(hold);
            await Task.WhenAll(people_.Select(p => p.WorkAsync(stop.Token)));
            var after = await metrics.ScrapeAsync();
            var rssWith = Rss(portal.Process.Id);
            // Connected: the people's live pages. In memory: those and the circuits of pages left (the warm-up's, a page
            // reloaded after a failed step), which Blazor keeps for three minutes in case they reconnect.
            var circuits = after.Gauge("aspnetcore_components_circuit_connected");
            var inMemory = after.Gauge("aspnetcore_components_circuit_active");
            var events = Metrics.Quantiles(before, after, "aspnetcore_components_handle_event_duration_seconds");
            var pages = Metrics.Quantiles(before, after, "http_server_request_duration_seconds");
            var heap = after.Gauge("dotnet_gc_last_collection_heap_size_bytes");
            var failures = people_.SelectMany(p => p.Failures).ToList();
            var errors = failures.Count;
            // What failed, once each with its count, and what the portal logged as errors: a figure to explain, not to trust.
            foreach (var failure in failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(5))
            {
                Console.Error.WriteLine($"  {database} N={people}: {failure.Count()} x {failure.Key}");
            }

            // The portal's whole log is kept beside the run's (an error's category line alone does not say what failed):
            // each logged error is printed with its first lines, the exception's type and message.
            var log = Path.Combine(Path.GetTempPath(), $"capacity-portal-{database}-{people}-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.log");
            File.WriteAllText(log, portal.Output);
            Console.Error.WriteLine($"  {database} N={people}, the portal's log: {log}");
            var lines = portal.Output.Split(Environment.NewLine);
            var logged = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .Select(l => string.Join(" / ", lines.Skip(l.i).Take(3).Select(x => x.Trim())));
            foreach (var error in logged.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(8))
            {
                Console.Error.WriteLine($"  {database} N={people}, the portal logged {error.Count()} x: {error.Key}");
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"| {database} | {people} | {circuits:0} / {inMemory:0} | {rssBefore / 1e6:0} | {rssWith / 1e6:0} | {(rssWith - rssBefore) / 1e6 / Math.Max(1, circuits):0.00} | {heap / 1e6:0} | "
                + $"{events.Count:0} | {events.P50 * 1000:0.0} | {events.P95 * 1000:0.0} | {pages.P50 * 1000:0} | {pages.P95 * 1000:0} | {errors} | {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} |");
        }
        finally
        {
            foreach (var person in people_)
            {
                await person.DisposeAsync();
            }

            foreach (var browser in browsers)
            {
                await browser.DisposeAsync();
            }

            portal.Dispose();
            Directory.Delete(data, recursive: true);
            if (pgDatabase is not null)
            {
                await using var server = new NpgsqlConnection(Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES"));
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    /// Resident memory of the portal process, bytes.
    private static double Rss(int pid) =>
        double.Parse(File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) * 1024;
}
