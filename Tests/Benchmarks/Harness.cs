using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks;

public sealed record Measurement(string Provider, string Name, int Iterations, double P50, double P95, double Max, double Mean, string Target)
{
    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Provider} | {Name} | {Iterations} | {P50:0.00} | {P95:0.00} | {Max:0.00} | {Mean:0.00} | {Target} |");
}

/// One query to time: called with the iteration number (to rotate actors and reviews).
/// After, if given, runs after each call, untimed: checks and clean-up that are not part of what is measured.
public sealed record Probe(string Name, string Target, Func<int, Task> Call, Func<int, Task>? After = null);

/// A plain Stopwatch harness: warm-up rounds (JIT, EF query cache, connection pool, page cache) not counted, then N
/// timed rounds. Each round calls every probe once, in a rotating order, so that load from other processes on a
/// shared machine falls on all of them alike and ratios between them stay fair. Percentiles by nearest rank, in ms.
public static class Harness
{
    public const string Header = "| Database | Measurement | N | p50 ms | p95 ms | max ms | mean ms | Target |\n| --- | --- | --- | --- | --- | --- | --- | --- |";

    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(string provider, int warmup, int iterations, params Probe[] probes)
    {
        for (var i = 0; i < warmup; i++)
        {
            foreach (var probe in probes)
            {
                await probe.Call(i);
                await (probe.After?.Invoke(i) ?? Task.CompletedTask);
            }
        }

        var times = probes.Select(_ => new double[iterations]).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < probes.Length; k++)
            {
                var p = (i + k) % probes.Length;
                var start = Stopwatch.GetTimestamp();
                await probes[p].Call(warmup + i);
                times[p][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await (probes[p].After?.Invoke(warmup + i) ?? Task.CompletedTask);
            }
        }

        var results = new List<Measurement>();
        for (var p = 0; p < probes.Length; p++)
        {
            var sorted = times[p].Order().ToArray();
            var m = new Measurement(provider, probes[p].Name, iterations, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1], sorted.Average(),
                probes[p].Target);
            Console.WriteLine(m.Row);
            results.Add(m);
        }

        return results;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
