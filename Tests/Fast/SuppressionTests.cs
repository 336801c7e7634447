using Domain.Profiles;
using Domain.Reports;

namespace Portal.Fast.Tests;

/// The small-numbers rule of published tables, on hand-worked lines (cells, then the total): every count from 1 to 4
/// reads "fewer than 5", and no hidden count from 1 to 4 can be worked out from the cells shown, the total and what a
/// reader knows of hidden cells (a "fewer than 5" is 1 to 4; a withheld cell is 0 or 5 and over).
public class SuppressionTests
{
    private static string Shown(params int[] cells)
    {
        var (shown, total) = Suppression.Line(cells);
        return string.Join(" | ", shown.Select(c => c.Text)) + " = " + total.Text;
    }

    [Theory]
    // Nothing small: all shown.
    [InlineData(new[] { 7, 9, 0 }, "7 | 9 | 0 = 16")]
    [InlineData(new[] { 0, 0, 0 }, "0 | 0 | 0 = 0")]
    // One small cell with the total shown: 12 - 8 would give the 4, so the smallest other count above 0 (8) is withheld.
    [InlineData(new[] { 4, 8, 0 }, "fewer than 5 | withheld | 0 = 12")]
    // The withheld cell is the smallest above 0, not a 0 (a 0 hidden beside one small cell is little cover) nor the total.
    [InlineData(new[] { 9, 3, 0, 6 }, "9 | fewer than 5 | 0 | withheld = 18")]
    // Two small cells whose sum leaves each two or more values (2 + 3 = 5: 1+4, 2+3, 3+2, 4+1): no more is hidden.
    [InlineData(new[] { 2, 3, 10 }, "fewer than 5 | fewer than 5 | 10 = 15")]
    // Two small cells that are both 1: the total minus the 10 gives 2, which can only be 1 and 1. A third cell is withheld.
    [InlineData(new[] { 1, 1, 10 }, "fewer than 5 | fewer than 5 | withheld = 12")]
    // Both 4: 8 can only be 4 and 4.
    [InlineData(new[] { 4, 4, 6, 0 }, "fewer than 5 | fewer than 5 | withheld | 0 = 14")]
    // ... and when only 0s are left to withhold, a 0 is withheld (it could be 5 and over: 1 and 2 beside a 5 also make 8).
    [InlineData(new[] { 4, 4, 0 }, "fewer than 5 | fewer than 5 | withheld = 8")]
    // A withheld cell is 0 or 5 and over, never 1 to 4: beside a 2 in a total of 7 it can be 5 or 6, so the 2 could be 1.
    [InlineData(new[] { 2, 5 }, "fewer than 5 | withheld = 7")]
    // ... but beside a 1 in a total of 6 it can only be 5 (a 2 to 4 would read "fewer than 5"), which gives the 1 away;
    // withholding the 0 too leaves the same, so the total is withheld.
    [InlineData(new[] { 1, 5, 0 }, "fewer than 5 | withheld | withheld = withheld")]
    // A small total hides the difference itself: the 0s stay shown.
    [InlineData(new[] { 3, 0, 0 }, "fewer than 5 | 0 | 0 = fewer than 5")]
    [InlineData(new[] { 1, 1, 0 }, "fewer than 5 | fewer than 5 | 0 = fewer than 5")]
    // Four small cells with a total below 5 can only be 1 each: the total is withheld.
    [InlineData(new[] { 1, 1, 1, 1 }, "fewer than 5 | fewer than 5 | fewer than 5 | fewer than 5 = withheld")]
    // Every cell small and each pinned by the sum (all 4s), nothing left to withhold: the total is withheld.
    [InlineData(new[] { 4, 4, 4 }, "fewer than 5 | fewer than 5 | fewer than 5 = withheld")]
    [InlineData(new[] { 4, 3, 4 }, "fewer than 5 | fewer than 5 | fewer than 5 = 11")]
    public void Line_HandWorked(int[] cells, string expected) => Assert.Equal(expected, Shown(cells));

    [Fact]
    public void Line_NegativeCount_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.Line([2, -1]));

    /// Every line of four cells of 0 to 9, and of five cells of 0 to 5 (a 0 is a category nobody is in, so narrower lines are
    /// covered too): no count from 1 to 4 is shown, a count shown
    /// is the true one, and every "fewer than 5" (cell or total) has two or more values that fit what is shown - found by
    /// trying every value each hidden cell could take, independently of the rule's own arithmetic.
    [Fact]
    public void Line_EveryLineOfFourOrFiveCells_ShowsNoSmallCount_AndNoHiddenCountFollowsFromTheOthers()
    {
        var lines = 0;
        foreach (var cells in Lines(4, 9).Concat(Lines(5, 5)))
        {
            lines++;
            var (shown, total) = Suppression.Line(cells);
            Assert.All(shown.Append(total), s => Assert.False(s.Count is >= 1 and <= 4));
            Assert.All(shown.Zip(cells), p => Assert.True(p.First.Count is null || p.First.Count == p.Second));
            Assert.True(total.Count is null || total.Count == cells.Sum());
            Assert.All(shown.Zip(cells), p => Assert.Equal(p.Second is >= 1 and <= 4, p.First.Shown == CountShown.FewerThanFive));
            if (total.Shown == CountShown.Withheld)
            {
                continue;
            }

            var hidden = Enumerable.Range(0, cells.Length).Where(i => shown[i].Count is null).ToList();
            var shownSum = shown.Sum(s => s.Count ?? 0);
            var totals = total.Count is int t ? [t] : new[] { 1, 2, 3, 4 };
            var seen = hidden.ToDictionary(i => i, _ => new HashSet<int>());
            var seenTotals = new HashSet<int>();
            var values = new int[cells.Length];
            void Try(int n, int sum)
            {
                if (n == hidden.Count)
                {
                    if (totals.Contains(sum))
                    {
                        seenTotals.Add(sum);
                        foreach (var i in hidden)
                        {
                            seen[i].Add(values[i]);
                        }
                    }

                    return;
                }

                var cell = hidden[n];
                var candidates = shown[cell].Shown == CountShown.FewerThanFive ? Enumerable.Range(1, 4) : Enumerable.Range(0, totals.Max() + 1).Where(v => v is 0 or >= 5);
                foreach (var v in candidates.Where(v => sum + v <= totals.Max()))
                {
                    values[cell] = v;
                    Try(n + 1, sum + v);
                }
            }

            Try(0, shownSum);
            foreach (var i in hidden.Where(i => shown[i].Shown == CountShown.FewerThanFive))
            {
                Assert.True(seen[i].Count >= 2, $"[{string.Join(", ", cells)}]: cell {i} can only be {string.Join(", ", seen[i])}");
            }

            Assert.True(total.Shown != CountShown.FewerThanFive || seenTotals.Count >= 2, $"[{string.Join(", ", cells)}]: the total can only be one count");
        }

        Assert.Equal(10_000 + 7_776, lines);
    }

    private static IEnumerable<int[]> Lines(int width, int max)
    {
        if (width == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Lines(width - 1, max))
        {
            for (var c = 0; c <= max; c++)
            {
                yield return [c, .. rest];
            }
        }
    }

    [Fact]
    public void Overview_CountsByYearAndCategory_NotRecordedLast_SuppressedRowByRow()
    {
        var cases = new List<OverviewCase>();
        void Add(int year, int count, string? sex, string? age = null, string? relationship = null)
        {
            for (var i = 0; i < count; i++)
            {
                var profile = new Dictionary<string, string>();
                if (sex is not null)
                {
                    profile[ProfileKeys.VictimSex] = sex;
                }

                if (age is not null)
                {
                    profile[ProfileKeys.VictimAge] = age;
                }

                if (relationship is not null)
                {
                    profile[ProfileKeys.Relationship] = relationship;
                }

                cases.Add(new OverviewCase(year, profile));
            }
        }

        Add(2024, 6, "Female", "34", "Intimate partner");
        Add(2024, 2, "Male", "70", "Family member");
        Add(2025, 7, "Female", "40", "Ex-partner");
        Add(2025, 5, null);
        // 1 woman and 5 men: the 5 could only be 5 beside the 1, so the year's total is withheld, and with it the year in every table.
        Add(2023, 1, "Female");
        Add(2023, 5, "Male");

        var tables = ActivityOverviews.Compute(cases, new OverviewDimensions(["Female", "Male"], Relationships.All, ["Homicide", "Suicide"]), 2026);

        Assert.Equal(["Victims by sex", "Victims by age band", "Relationship of the perpetrator to the victim", "Kind of death"], tables.Select(t => t.Title));
        var sex = tables[0];
        Assert.Equal(["Female", "Male", "Not recorded"], sex.Categories);
        Assert.Equal(["2026-27", "2025-26", "2024-25", "2023-24"], sex.Rows.Select(r => r.Label));
        Assert.Equal(["0", "0", "0", "0"], sex.Rows[0].Cells.Select(c => c.Text).Append(sex.Rows[0].Total.Text));
        Assert.Equal(["7", "0", "5", "12"], sex.Rows[1].Cells.Select(c => c.Text).Append(sex.Rows[1].Total.Text));
        // 2 men: the 6 women are withheld too, else 8 - 6 gives the 2.
        Assert.Equal(["withheld", "fewer than 5", "0", "8"], sex.Rows[2].Cells.Select(c => c.Text).Append(sex.Rows[2].Total.Text));
        var ages = tables[1];
        Assert.Equal([.. AgeBands.All, "Not recorded"], ages.Categories);
        Assert.Equal("7", ages.Rows[1].Cells[AgeBands.All.ToList().IndexOf("35 to 44")].Text);
        Assert.Equal("5", ages.Rows[1].Cells[^1].Text);
        Assert.Equal("withheld", ages.Rows[2].Cells[AgeBands.All.ToList().IndexOf("25 to 34")].Text);
        Assert.Equal("fewer than 5", ages.Rows[2].Cells[AgeBands.All.ToList().IndexOf("65 to 74")].Text);
        Assert.Equal(["fewer than 5", "withheld", "withheld", "withheld"], sex.Rows[3].Cells.Select(c => c.Text).Append(sex.Rows[3].Total.Text));
        // The year's total reads the same in every table: the kind of death alone would show 2023's 6 "Not recorded", and 6 as their sum.
        Assert.All(tables, t => Assert.Equal(["0", "12", "8", "withheld"], t.Rows.Select(r => r.Total.Text)));
        Assert.Equal(["withheld", "withheld", "withheld"], tables[3].Rows[3].Cells.Select(c => c.Text));
        Assert.Empty(ActivityOverviews.Compute([], new OverviewDimensions(["Female"], Relationships.All, ["Homicide"]), 2026));
    }
}
