using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using Portal.Capacity;
using Portal.Testing;

// Capacity of one portal process (issue 17, item 6). Run by hand: scripts/capacity.sh; figures in docs/DEPLOYMENT.md.
// For each database and each number of people N: a fresh portal process (the Release build, Production, demo data),
// N browser contexts in headless Chromium (several pages a browser), each signed in and holding a live page, working
// the queues and review pages in a loop with a few seconds' thought between steps. Server-side times come from the
// portal's own metrics (/metrics), memory from the process (RSS) and its GC; errors are the driver's failed steps.
//
// Environment:
//   PORTAL_CAPACITY_PEOPLE       N values (default 25,50,100)
//   PORTAL_CAPACITY_DATABASES    Sqlite,PostgreSql (default both; PostgreSql needs PORTAL_TEST_POSTGRES, a server's connection string)
//   PORTAL_CAPACITY_HOLD_SECONDS how long all N work together (default 120)
//   PORTAL_CAPACITY_PER_BROWSER  pages a Chromium process (default 10)
var people = List("PORTAL_CAPACITY_PEOPLE", "25,50,100").Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
var databases = List("PORTAL_CAPACITY_DATABASES", "Sqlite,PostgreSql");
var hold = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("PORTAL_CAPACITY_HOLD_SECONDS") ?? "120", CultureInfo.InvariantCulture));
var perBrowser = int.Parse(Environment.GetEnvironmentVariable("PORTAL_CAPACITY_PER_BROWSER") ?? "10", CultureInfo.InvariantCulture);

Console.WriteLine($"Review Portal capacity, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; hold {hold.TotalSeconds:0} s; {perBrowser} pages a browser");
Console.WriteLine(Run.Header);
using var playwright = await Playwright.CreateAsync();
foreach (var database in databases)
{
    foreach (var n in people)
    {
        var result = await Run.OnceAsync(playwright, database, n, hold, perBrowser);
        Console.WriteLine(result);
    }
}

return 0;

static List<string> List(string variable, string fallback) =>
    (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : fallback)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
