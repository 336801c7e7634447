using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Capacity;

/// The portal's Prometheus text (/metrics): gauges summed over their labels, histograms' buckets summed over their
/// labels, and quantiles of the observations between two scrapes (linear within a bucket).
internal sealed partial class Metrics(string address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

    public async Task<Scrape> ScrapeAsync() => new(await _http.GetStringAsync(new Uri("metrics", UriKind.Relative)));

    public static (double Count, double P50, double P95) Quantiles(Scrape before, Scrape after, string histogram)
    {
        var a = before.Buckets(histogram);
        var b = after.Buckets(histogram);
        var delta = b.Select(kv => (Le: kv.Key, Count: kv.Value - a.GetValueOrDefault(kv.Key))).OrderBy(x => x.Le).ToList();
        var total = delta.Count == 0 ? 0 : delta[^1].Count;
        return (total, Quantile(delta, total, 0.5), Quantile(delta, total, 0.95));
    }

    private static double Quantile(List<(double Le, double Count)> buckets, double total, double q)
    {
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        var (lower, below) = (0.0, 0.0);
        foreach (var (le, count) in buckets)
        {
            if (count >= rank)
            {
                return double.IsPositiveInfinity(le) ? lower : lower + (le - lower) * (rank - below) / Math.Max(1, count - below);
            }

            (lower, below) = (le, count);
        }

        return lower;
    }

    public void Dispose() => _http.Dispose();

    public sealed partial class Scrape(string text)
    {
        public double Gauge(string name) => Lines(name).Sum(l => l.Value);

        public Dictionary<double, double> Buckets(string histogram) => Lines(histogram + "_bucket")
            .GroupBy(l => l.Le).ToDictionary(g => g.Key, g => g.Sum(l => l.Value));

        // The circuit's own connection (/_blazor) is a request that lasts as long as the page: not a page load.
        private IEnumerable<(double Le, double Value)> Lines(string name) => text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => !l.Contains("_blazor", StringComparison.Ordinal))
            .Select(l => (Le: LePattern().Match(l) is { Success: true } m ? (m.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : 0,
                Value: double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)));

        [GeneratedRegex("le=\"([^\"]+)\"")]
        private static partial Regex LePattern();
    }
}
