using Domain.Reports;

namespace Workflows.Reports;

/// The words of the activity overview: the board report's page and its .docx both render these, so they always agree.
public static class ActivityOverviewText
{
    public const string Heading = "Activity overview";

    public const string Help =
        "Reviews this office or CSP leads, notified from 13 April 2011 up to the date, each counted in the financial year (April to March) "
        + "of its notification date, from its case profile as it stands today; \"Not recorded\": the profile has no answer. Every count from "
        + "1 to 4 reads \"fewer than 5\". Where the other counts and the total would let such a count be worked out, more counts are withheld; "
        + "where only withholding the total would do, that year is withheld in every table. No review is named.";

    public const string Empty = "No review was notified up to the date.";

    /// One table a title: the financial years as rows (newest first), a column per category, then the year's total.
    public static IReadOnlyList<(string Title, TextTable Table)> Tables(ActivityOverview overview) =>
        overview.Tables.Select(t => (t.Title, new TextTable(["Financial year", .. t.Categories, "Total"],
            t.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells.Select(c => c.Text), r.Total.Text]).ToList()))).ToList();
}
