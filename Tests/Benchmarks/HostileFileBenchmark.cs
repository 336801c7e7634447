using System.Diagnostics;
using System.Globalization;
using Portal.Testing;
using Workflows.Documents;
using Workflows.Files;
using Workflows.Import;

namespace Portal.Benchmarks;

/// What each crafted upload (a tracker for the import, a document for any upload) costs the portal to refuse (issue 13:
/// aim under a second and under 50 MB each). Run with
/// `scripts/bench.sh files`. Memory is the bytes allocated while reading (every allocation, so an upper bound on what
/// the read holds at once), the largest of the timed runs; time is the median.
public static class HostileFileBenchmark
{
    private const int Runs = 7;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"Hostile upload files, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Runs} timed reads of each after one warm-up read");
        Console.WriteLine($"{"File",-32} {"Size",10} {"Median ms",10} {"Max ms",8} {"Allocated MB",13}  Outcome");
        var files = HostileSheets.All.Concat(HostileSheets.Costly).Select(f => (f.Name, f.FileName, f.Make, Read: (Func<byte[], string, Task<string>>)ReadTrackerAsync))
            .Concat(HostileDocuments.All.Select(f => (f.Name, f.FileName, f.Make, Read: (Func<byte[], string, Task<string>>)CheckDocumentAsync)));
        foreach (var (name, fileName, make, read) in files)
        {
            var bytes = make();
            var outcome = await read(bytes, fileName);
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < Runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await read(bytes, fileName);
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-32} {Size(bytes.Length),10} {times[Runs / 2],10:0.0} {times[^1],8:0.0} {allocated / (1024.0 * 1024.0),13:0.00}  {outcome}"));
        }

        return 0;
    }

    private static async Task<string> ReadTrackerAsync(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        var result = await TrackerFile.ReadAsync(stream, fileName, CancellationToken.None);
        return result.IsSuccess ? "accepted" : ((FileRefused)result.Error!).Problem.ToString();
    }

    /// As an upload is checked: the file buffered in memory, then DocumentFiles.Check (20 MB limit).
    private static Task<string> CheckDocumentAsync(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        var result = DocumentFiles.Check(stream, fileName, new DocumentOptions().MaxBytes);
        return Task.FromResult(result.IsSuccess ? "accepted" : result.Error is FileRefused refused ? refused.Problem.ToString() : result.Error!.Message);
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}
