using Domain.Profiles;

namespace Domain.Reports;

/// How a count of a published table is shown.
public enum CountShown
{
    Count,
    /// A count from 1 to 4 (primary suppression).
    FewerThanFive,
    /// A count hidden so that no count from 1 to 4 can be worked out from the others and the total (secondary suppression).
    Withheld,
}

/// A count as published: the number only when shown; a suppressed count keeps no number, so nothing downstream can leak it.
public readonly record struct ShownCount(int? Count, CountShown Shown)
{
    public string Text => Shown switch
    {
        CountShown.FewerThanFive => "fewer than 5",
        CountShown.Withheld => "withheld",
        _ => Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// The rule that keeps small numbers out of published tables, in one place. A line is a set of cells and their total
/// (a year of one table of the board's activity overview). Every count from 1 to 4, cell or total, reads "fewer than 5".
/// A reader knows that a "fewer than 5" is 1 to 4, that a withheld cell is 0 or 5 and over (1 to 4 would read "fewer
/// than 5"), and that the cells add up to the total. While that lets one count from 1 to 4 be worked out exactly - one
/// hidden cell alone (the total minus the other cells gives it), small cells whose sum leaves each one value (1 and 1
/// making 2), a small cell beside a withheld one that can only be 5 - one more cell is withheld: the smallest count above
/// 0 still shown, else a 0. The total is withheld only when every cell is hidden and a count can still be worked out.
public static class Suppression
{
    public const int Threshold = 5;

    public static (IReadOnlyList<ShownCount> Cells, ShownCount Total) Line(IReadOnlyList<int> cells)
    {
        if (cells.Any(c => c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cells), "Counts are never negative.");
        }

        var total = cells.Sum();
        var shown = cells.Select(Primary).ToArray();
        var totalShown = Primary(total);
        while (Disclosive(cells, shown, totalShown))
        {
            var next = Enumerable.Range(0, cells.Count).Where(i => shown[i] == CountShown.Count)
                .OrderBy(i => cells[i] == 0 ? 1 : 0).ThenBy(i => cells[i]).ThenBy(i => i)
                .Select(i => (int?)i).FirstOrDefault();
            if (next is int i)
            {
                shown[i] = CountShown.Withheld;
            }
            else
            {
                totalShown = CountShown.Withheld;
            }
        }

        return (cells.Select((c, i) => Show(c, shown[i])).ToList(), Show(total, totalShown));
    }

    /// Whether what a line shows lets a reader work out a count from 1 to 4 exactly: some "fewer than 5" (a cell or the
    /// total) that only one value fits, given every hidden cell's possible values and the total.
    public static bool Disclosive(IReadOnlyList<int> cells, IReadOnlyList<CountShown> shown, CountShown totalShown)
    {
        // A withheld total could be any count: the cells are then tied by nothing.
        if (totalShown == CountShown.Withheld)
        {
            return false;
        }

        var hidden = Enumerable.Range(0, cells.Count).Where(i => shown[i] != CountShown.Count).ToList();
        var shownSum = Enumerable.Range(0, cells.Count).Where(i => shown[i] == CountShown.Count).Sum(i => cells[i]);
        var totals = totalShown == CountShown.Count ? [cells.Sum()] : Small;
        var max = totals.Max();
        IEnumerable<int> Values(int i) => shown[i] == CountShown.FewerThanFive ? Small : Enumerable.Range(0, max + 1).Where(v => v is 0 or >= Threshold);

        // The sums the given hidden cells can make (index: the sum, up to the largest possible total).
        bool[] Sums(IEnumerable<int> of)
        {
            var can = new bool[max + 1];
            can[0] = true;
            foreach (var i in of)
            {
                var next = new bool[max + 1];
                for (var s = 0; s <= max; s++)
                {
                    foreach (var v in Values(i).Where(v => can[s] && s + v <= max))
                    {
                        next[s + v] = true;
                    }
                }

                can = next;
            }

            return can;
        }

        var all = Sums(hidden);
        if (totalShown == CountShown.FewerThanFive && totals.Count(t => t >= shownSum && all[t - shownSum]) <= 1)
        {
            return true;
        }

        return hidden.Where(i => shown[i] == CountShown.FewerThanFive).Any(i =>
        {
            var others = Sums(hidden.Where(h => h != i));
            return Small.Count(v => totals.Any(t => t - shownSum - v >= 0 && others[t - shownSum - v])) <= 1;
        });
    }

    private static readonly int[] Small = [1, 2, 3, 4];

    private static CountShown Primary(int count) => count is >= 1 and < Threshold ? CountShown.FewerThanFive : CountShown.Count;

    private static ShownCount Show(int count, CountShown shown) => new(shown == CountShown.Count ? count : null, shown);
}

/// One review as the overview counts it: the financial year it was notified in and the answers of its case profile the
/// overview reads (by field key; a missing key: not recorded).
public sealed record OverviewCase(int FinancialYear, IReadOnlyDictionary<string, string> Profile);

/// One year of one table of the overview: a count per category (the last "Not recorded") and the year's total.
public sealed record OverviewRow(int FinancialYear, IReadOnlyList<ShownCount> Cells, ShownCount Total)
{
    public string Label => $"{FinancialYear}-{(FinancialYear + 1) % 100:00}";
}

public sealed record OverviewTable(string Title, IReadOnlyList<string> Categories, IReadOnlyList<OverviewRow> Rows);

/// The categories of the tables: each field's answers as administrators keep them (the age bands for age).
public sealed record OverviewDimensions(IReadOnlyList<string> Sexes, IReadOnlyList<string> Relationships, IReadOnlyList<string> DeathKinds);

/// The board's activity overview: the reviews of an area by financial year of notification (newest first, from the
/// first year with one to the report's year), counted by the victim's sex, age band, relationship of the perpetrator to
/// the victim and kind of death. Each year of each table is suppressed by Suppression.Line. A year's total is the same
/// in every table, so when one table must withhold it, that year is withheld in every table, cells included (a table
/// showing all its cells would give the total back as their sum); its counts from 1 to 4 still read "fewer than 5".
public static class ActivityOverviews
{
    public const string NotRecorded = "Not recorded";

    private static readonly ShownCount Hidden = new(null, CountShown.Withheld);

    /// The profile fields the overview reads.
    public static IReadOnlyList<string> Keys { get; } =
        [ProfileKeys.VictimSex, ProfileKeys.VictimAge, ProfileKeys.VictimAgeBand, ProfileKeys.Relationship, ProfileKeys.DeathKind];

    public static IReadOnlyList<OverviewTable> Compute(IReadOnlyList<OverviewCase> cases, OverviewDimensions dimensions, int lastYear)
    {
        if (cases.Count == 0)
        {
            return [];
        }

        var first = Math.Min(cases.Min(c => c.FinancialYear), lastYear);
        var years = Enumerable.Range(first, lastYear - first + 1).Reverse().ToList();
        var tables = new (string Title, IReadOnlyList<string> Categories, Func<OverviewCase, string?> Of)[]
        {
            ("Victims by sex", dimensions.Sexes, c => c.Profile.GetValueOrDefault(ProfileKeys.VictimSex)),
            ("Victims by age band", AgeBands.All,
                c => ProfileRules.AgeBandOf(c.Profile.GetValueOrDefault(ProfileKeys.VictimAge), c.Profile.GetValueOrDefault(ProfileKeys.VictimAgeBand))),
            ("Relationship of the perpetrator to the victim", dimensions.Relationships, c => c.Profile.GetValueOrDefault(ProfileKeys.Relationship)),
            ("Kind of death", dimensions.DeathKinds, c => c.Profile.GetValueOrDefault(ProfileKeys.DeathKind)),
        };
        var lines = tables.Select(t => years.Select(year =>
        {
            var inYear = cases.Where(c => c.FinancialYear == year)
                .Select(c => t.Of(c) is { } value && t.Categories.Contains(value, StringComparer.Ordinal) ? value : NotRecorded).ToList();
            return Suppression.Line(t.Categories.Append(NotRecorded).Select(a => inYear.Count(v => v == a)).ToList());
        }).ToList()).ToList();
        var withheld = years.Where((_, y) => lines.Any(l => l[y].Total.Shown == CountShown.Withheld)).ToHashSet();
        return tables.Select((t, n) => new OverviewTable(t.Title, [.. t.Categories, NotRecorded], years.Select((year, y) => withheld.Contains(year)
                ? new OverviewRow(year, lines[n][y].Cells.Select(c => c.Shown == CountShown.Count ? Hidden : c).ToList(), Hidden)
                : new OverviewRow(year, lines[n][y].Cells, lines[n][y].Total)).ToList()))
            .ToList();
    }
}
