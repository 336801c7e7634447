using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Domain.Access;
using Npgsql;
using Portal.Benchmarks;
using Workflows;
using Workflows.Access;
using Workflows.Data;
using Workflows.Process;
using Workflows.Timers;
using Workflows.WorkItems;

// The work-queue, journal and timer-sweep benchmark (issue 3, "A benchmark"). Run by hand: scripts/bench.sh.
// Not a test project: `dotnet test` never runs it. Figures and how to read them: docs/BENCHMARKS.md.
//
// Environment:
//   PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES)  a PostgreSQL server's connection string (no Database): also
//                                                      seed a fresh database there and measure the queue and journal
//   PORTAL_BENCH_SCALE       fraction of the data set (default 1 = 10,000 reviews); e.g. 0.1 for a quick try
//   PORTAL_BENCH_ITERATIONS  timed calls per measurement (default 200; 20 warm-up calls are not counted)
//   PORTAL_BENCH_SWEEP       0: skip the timer sweep on SQLite (queries only)
//   PORTAL_BENCH_PG_SWEEP    1: also run the timer sweep on PostgreSQL
//   PORTAL_BENCH_SQL         1: log every SQL command EF sends (use with a small PORTAL_BENCH_ITERATIONS)
//   PORTAL_BENCH_KEEP        1: keep the SQLite folder / PostgreSQL database afterwards (to look at query plans)
var scale = double.Parse(Environment.GetEnvironmentVariable("PORTAL_BENCH_SCALE") ?? "1", CultureInfo.InvariantCulture);
var iterations = int.Parse(Environment.GetEnvironmentVariable("PORTAL_BENCH_ITERATIONS") ?? "200", CultureInfo.InvariantCulture);
var postgres = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") is { Length: > 0 } p ? p
    : Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } t ? t : null;
var pgSweep = Environment.GetEnvironmentVariable("PORTAL_BENCH_PG_SWEEP") == "1";
var keep = Environment.GetEnvironmentVariable("PORTAL_BENCH_KEEP") == "1";
var sqliteSweep = Environment.GetEnvironmentVariable("PORTAL_BENCH_SWEEP") != "0";
var reviewCount = (int)Math.Round(10_000 * scale);
const int Warmup = 20;

Console.WriteLine($"Review Portal benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                  $"{(Debugger.IsAttached ? "debugger attached" : "no debugger")}, {(IsRelease() ? "Release" : "DEBUG build: figures not representative")}");
Console.WriteLine($"Data: {reviewCount:N0} reviews (scale {scale}), {iterations} timed calls per measurement after {Warmup} warm-up calls.");
Console.WriteLine();

var results = new List<Measurement>();
var notes = new List<string>();
var total = Stopwatch.StartNew();
await RunAsync(null, sweep: sqliteSweep);
if (postgres is not null)
{
    await RunAsync(postgres, sweep: pgSweep);
}
else
{
    Console.WriteLine("PostgreSQL skipped: set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to a server's connection string.");
}

Console.WriteLine();
Console.WriteLine("Summary");
Console.WriteLine(Harness.Header);
results.ForEach(r => Console.WriteLine(r.Row));
notes.ForEach(n => Console.WriteLine($"- {n}"));
Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:0} s");
return 0;

async Task RunAsync(string? server, bool sweep)
{
    string? pgDatabase = null;
    string? connection = null;
    if (server is not null)
    {
        pgDatabase = $"portal_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        connection = $"{server};Database={pgDatabase}";
    }

    var host = await BenchHost.StartAsync(connection);
    host.KeepData = keep;
    var name = host.Provider;
    try
    {
        Console.WriteLine($"== {name}: {(host.IsSqlite ? Path.Combine(host.DataPath!, "portal.db") : pgDatabase)}");
        var seeded = await Seeder.SeedAsync(host, reviewCount);
        var seedLine = $"{name} seed: {seeded.Reviews:N0} reviews, {seeded.WorkItems:N0} work items, {seeded.JournalEntries:N0} journal rows, " +
                       $"{seeded.Timers:N0} timers, {seeded.Clocks:N0} clocks, {seeded.Users:N0} users in {seeded.Elapsed.TotalSeconds:0.0} s";
        Console.WriteLine(seedLine);
        notes.Add(seedLine);

        var dbs = host.Get<IReviewDbFactory>();
        var actors = new List<Actor>();
        foreach (var id in seeded.OfficerIds.Take(5))
        {
            await using var db = await dbs.CreateAsync();
            actors.Add(await ActorLoader.LoadAsync(db, id));
        }

        var queues = host.Get<WorkQueueQuery>();
        var journal = host.Get<ReviewJournalQuery>();
        var raw = new RawTeamQueue(await host.ConnectionStringAsync(), host.IsSqlite);
        var firstPage = new PageRequest();

        // The handler and the raw SQL must agree before either is timed.
        var ours = await queues.HandleAsync(actors[0], WorkQueue.Team, new WorkItemFilter(), firstPage);
        var floor = await raw.HandleAsync(actors[0]);
        if (ours.TotalCount != floor.Total || !ours.Items.Select(i => i.Id).SequenceEqual(floor.Rows.Select(r => r.Id)))
        {
            throw new InvalidOperationException($"The raw SQL disagrees with WorkQueueQuery: {floor.Total} vs {ours.TotalCount} items.");
        }

        var counts = await queues.CountsAsync(actors[0]);
        var queueLine = $"{name}: an officer's queues hold {counts.Team:N0} team, {counts.MyWork:N0} my work, {counts.Overdue:N0} overdue, " +
                        $"{counts.DueSoon:N0} due soon, {counts.OnHold:N0} on hold";
        Console.WriteLine(queueLine);
        notes.Add(queueLine);
        Console.WriteLine(Harness.Header);

        Actor Officer(int i) => actors[i % actors.Count];
        var team = await Harness.MeasureAsync(name, "Team queue: WorkQueueQuery (count + first 25, by due date)", Warmup, iterations, "p95 < 50 ms",
            i => queues.HandleAsync(Officer(i), WorkQueue.Team, new WorkItemFilter(), firstPage));
        var rawTeam = await Harness.MeasureAsync(name, "Team queue: raw SQL floor (same count + page)", Warmup, iterations, "floor",
            i => raw.HandleAsync(Officer(i)));
        results.Add(team);
        results.Add(rawTeam);
        var ratio = string.Create(CultureInfo.InvariantCulture, $"{name} team queue, ours/raw: p50 {team.P50 / rawTeam.P50:0.0}x, p95 {team.P95 / rawTeam.P95:0.0}x");
        Console.WriteLine(ratio);
        notes.Add(ratio);

        results.Add(await Harness.MeasureAsync(name, "Queue counts for the navigation (CountsAsync: 5 counts)", Warmup, iterations, "-",
            i => queues.CountsAsync(Officer(i))));
        // No team-queue page on this branch yet: the page's server work is what it would call per load.
        results.Add(await Harness.MeasureAsync(name, "Team queue page, server data: load actor + queue + nav counts", Warmup, iterations, "p95 < 50 ms",
            async i =>
            {
                await using (var db = await dbs.CreateAsync())
                {
                    await ActorLoader.LoadAsync(db, Officer(i).UserId);
                }

                await queues.HandleAsync(Officer(i), WorkQueue.Team, new WorkItemFilter(), firstPage);
                await queues.CountsAsync(Officer(i));
            }));

        var reviewIds = actors.Select(a => seeded.ReviewsByOfficer[a.UserId]).ToArray();
        results.Add(await Harness.MeasureAsync(name, "Review page journal: ReviewJournalQuery (newest 25 of 100)", Warmup, iterations, "< 20 ms",
            async i =>
            {
                var ids = reviewIds[i % reviewIds.Length];
                var result = await journal.HandleAsync(Officer(i), ids[(i * 7919) % ids.Length], firstPage);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException("The journal query refused an officer of the lead office.");
                }
            }));

        if (sweep)
        {
            // As if the portal had been stopped until every deadline passed: all timers are due at once.
            host.Time.SetUtcNow(new DateTimeOffset(seeded.LatestTimerDueUtc.AddHours(1), TimeSpan.Zero));
            var watch = Stopwatch.StartNew();
            var swept = await host.Get<TimerSweep>().RunAsync();
            watch.Stop();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{name} timer sweep: {swept.Claimed:N0} timers claimed, {swept.Fired:N0} fired (the rest cancelled: paused task), in {watch.Elapsed.TotalSeconds:0.0} s " +
                $"({swept.Claimed / watch.Elapsed.TotalSeconds:N0} timers/s; batches of {TimerSweep.BatchSize}; target < 30 s)");
            Console.WriteLine(line);
            notes.Add(line);
            results.Add(new Measurement(name, $"Timer sweep over {swept.Claimed:N0} due timers (one run)", 1, watch.Elapsed.TotalMilliseconds,
                watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, "< 30 s"));
        }

        Console.WriteLine();
    }
    finally
    {
        await host.DisposeAsync();
        if (pgDatabase is not null && !keep)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection($"{server};Database=postgres");
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        else if (keep)
        {
            Console.WriteLine($"Kept: {host.DataPath ?? pgDatabase}");
        }
    }
}

static bool IsRelease()
{
#if DEBUG
    return false;
#else
    return true;
#endif
}
