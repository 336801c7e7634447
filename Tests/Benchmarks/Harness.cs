using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks;

public sealed record Measurement(string Provider, string Name, int Iterations, double P50, double P95, double Max, double Mean, string Target)
{
    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Provider} | {Name} | {Iterations} | {P50:0.00} | {P95:0.00} | {Max:0.00} | {Mean:0.00} | {Target} |");
}

/// A plain Stopwatch harness: warm-up calls (JIT, EF query cache, connection pool, page cache) not counted, then N
/// timed calls one after another. Reports percentiles by nearest rank, in milliseconds.
public static class Harness
{
    public const string Header = "| Database | Measurement | N | p50 ms | p95 ms | max ms | mean ms | Target |\n| --- | --- | --- | --- | --- | --- | --- | --- |";

    public static async Task<Measurement> MeasureAsync(string provider, string name, int warmup, int iterations, string target, Func<int, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(warmup + i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        var m = new Measurement(provider, name, iterations, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], times.Average(), target);
        Console.WriteLine(m.Row);
        return m;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
