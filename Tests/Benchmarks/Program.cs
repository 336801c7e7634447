using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Domain.Access;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
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
//   PORTAL_BENCH_SQLITE      0: PostgreSQL only
//   PORTAL_BENCH_SWEEP       0: skip the timer sweep on SQLite (queries only)
//   PORTAL_BENCH_SWEEP_SECONDS  stop the sweep after this long and extrapolate (default 180)
//   PORTAL_BENCH_PG_SWEEP    1: also run the timer sweep on PostgreSQL
//   PORTAL_BENCH_SQL         1: log every SQL command EF sends (use with a small PORTAL_BENCH_ITERATIONS)
//   PORTAL_BENCH_KEEP        1: keep the SQLite folder / PostgreSQL database afterwards (to look at query plans)
//
// `scripts/bench.sh files` instead measures what each crafted upload file costs to refuse (HostileFileBenchmark.cs).
if (args is ["files"])
{
    return await HostileFileBenchmark.RunAsync();
}

var scale = double.Parse(Environment.GetEnvironmentVariable("PORTAL_BENCH_SCALE") ?? "1", CultureInfo.InvariantCulture);
var iterations = int.Parse(Environment.GetEnvironmentVariable("PORTAL_BENCH_ITERATIONS") ?? "200", CultureInfo.InvariantCulture);
var postgres = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") is { Length: > 0 } p ? p
    : Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } t ? t : null;
var pgSweep = Environment.GetEnvironmentVariable("PORTAL_BENCH_PG_SWEEP") == "1";
var keep = Environment.GetEnvironmentVariable("PORTAL_BENCH_KEEP") == "1";
var sqliteSweep = Environment.GetEnvironmentVariable("PORTAL_BENCH_SWEEP") != "0";
var sqlite = Environment.GetEnvironmentVariable("PORTAL_BENCH_SQLITE") != "0";
var sweepSeconds = int.Parse(Environment.GetEnvironmentVariable("PORTAL_BENCH_SWEEP_SECONDS") ?? "180", CultureInfo.InvariantCulture);
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
if (sqlite)
{
    await RunAsync(null, sweep: sqliteSweep);
}
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
        var reviewIds = actors.Select(a => seeded.ReviewsByOfficer[a.UserId]).ToArray();
        // A full page, unless a small PORTAL_BENCH_SCALE leaves an officer's team queue shorter than that.
        var firstPageRows = new int[actors.Count];
        for (var a = 0; a < actors.Count; a++)
        {
            firstPageRows[a] = Math.Min(firstPage.Size, (await queues.CountsAsync(actors[a])).Team);
        }

        await using var circuit = new TeamQueueCircuit(host);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var measured = await Harness.MeasureAsync(name, Warmup, iterations,
            new Probe("Team queue: WorkQueueQuery (count + first 25, by due date)", "p95 < 50 ms",
                i => queues.HandleAsync(Officer(i), WorkQueue.Team, new WorkItemFilter(), firstPage)),
            new Probe("Team queue: raw SQL floor (same count + page)", "floor", i => raw.HandleAsync(Officer(i))),
            new Probe("Queue counts for the navigation (CountsAsync: 5 counts)", "-", i => queues.CountsAsync(Officer(i))),
            // The handlers one page load calls, without rendering; the next probe renders the page itself.
            new Probe("Team queue page, server data: load actor + queue + nav counts", "-", async i =>
            {
                await using (var db = await dbs.CreateAsync())
                {
                    await ActorLoader.LoadAsync(db, Officer(i).UserId);
                }

                await queues.HandleAsync(Officer(i), WorkQueue.Team, new WorkItemFilter(), firstPage);
                await queues.CountsAsync(Officer(i));
            }),
            new Probe("Team queue page, rendered on the server (Blazor's Renderer, a new circuit scope: layout + WorkNav + QueueView, until the rows are sent)", "p95 < 50 ms",
                i => circuit.RenderAsync(Officer(i)), After: async i =>
            {
                if (await circuit.CloseAsync() is var sent && sent != firstPageRows[i % actors.Count])
                {
                    throw new InvalidOperationException($"The team-queue circuit sent {sent} rows, not the first page's {firstPageRows[i % actors.Count]}.");
                }
            }),
            new Probe("Review page journal: ReviewJournalQuery (newest 25 of 100)", "< 20 ms", async i =>
            {
                var ids = reviewIds[i % reviewIds.Length];
                var result = await journal.HandleAsync(Officer(i), ids[(i * 7919) % ids.Length], firstPage);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException("The journal query refused an officer of the lead office.");
                }
            }));
        results.AddRange(measured);
        var loadLine = $"{name} queries: load average {load} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after ({Environment.ProcessorCount} cores)";
        Console.WriteLine(loadLine);
        notes.Add(loadLine);
        var (team, rawTeam) = (measured[0], measured[1]);
        var ratio = string.Create(CultureInfo.InvariantCulture, $"{name} team queue, ours/raw: p50 {team.P50 / rawTeam.P50:0.0}x, p95 {team.P95 / rawTeam.P95:0.0}x");
        Console.WriteLine(ratio);
        notes.Add(ratio);

        if (sweep)
        {
            // As if the portal had been stopped until every deadline passed: all timers are due at once. One sweep,
            // stopped after PORTAL_BENCH_SWEEP_SECONDS so that a run stays within minutes; if it is stopped, the rate so
            // far gives the time for all of them.
            host.Time.SetUtcNow(new DateTimeOffset(seeded.LatestTimerDueUtc.AddHours(1), TimeSpan.Zero));
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(sweepSeconds));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var finished = true;
            try
            {
                await host.Get<TimerSweep>().RunAsync(budget.Token);
                finished = !budget.IsCancellationRequested;
            }
            catch (OperationCanceledException)
            {
                finished = false;
            }

            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            int done, cancelled;
            await using (var db = await dbs.CreateAsync())
            {
                done = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired || t.Status == TimerStatus.Cancelled);
                cancelled = await db.Timers.CountAsync(t => t.Status == TimerStatus.Cancelled);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var all = finished ? seconds : seeded.Timers * seconds / Math.Max(1, done);
            var outcome = finished ? "finished"
                : string.Create(CultureInfo.InvariantCulture, $"stopped after {sweepSeconds} s, all {seeded.Timers:N0} would take about {all:0} s");
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{name} timer sweep: {done:N0} of {seeded.Timers:N0} due timers fired ({cancelled:N0} of them cancelled: paused task) in {seconds:0.0} s, " +
                $"{done / seconds:N0} timers/s (each batch: the due timers of the cases of the next {TimerSweep.BatchSize}); {outcome} (target < 30 s). The benchmark process used " +
                $"{cpu.TotalSeconds:0.0} s of CPU ({cpu.TotalMilliseconds / Math.Max(1, done):0.00} ms a timer); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine(line);
            notes.Add(line);
            var how = finished ? "measured" : string.Create(CultureInfo.InvariantCulture, $"extrapolated from {done:N0} in {seconds:0} s");
            results.Add(new Measurement(name, string.Create(CultureInfo.InvariantCulture, $"Timer sweep, {seeded.Timers:N0} due timers ({how})"), 1,
                all * 1000, all * 1000, all * 1000, all * 1000, "< 30 s"));
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
