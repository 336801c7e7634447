using Domain.Reports;
using Domain.Reviews;
using Workflows.Reports;

namespace Portal.Fast.Tests;

/// Which reviews the board's activity overview counts, and in which year: the board report's "notified" rule.
public class ActivityOverviewSelectionTests
{
    private const int Office = 10;
    private const int Csp = 20;
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    private static Review At(DateOnly notified, int office = Office, int csp = Csp) =>
        new() { Reference = "R", CaseLabel = "Case", CaseLabelKey = "case", SearchText = "r", CreatedByUserId = "u", DateNotified = notified, LeadOfficeId = office, LeadCspId = csp };

    public static TheoryData<bool, int, int, DateOnly, bool> Cases => new()
    {
        // office scope?, lead office, lead CSP, notified, counted
        { true, Office, Csp, AsOf, true },
        { true, Office, Csp, AsOf.AddDays(1), false },
        { true, Office, 99, new DateOnly(2011, 4, 13), true },
        { true, Office, Csp, new DateOnly(2011, 4, 12), false },
        { true, 11, Csp, new DateOnly(2020, 5, 1), false },
        // A CSP's overview counts the reviews it leads, whatever the office.
        { false, 11, Csp, new DateOnly(2020, 5, 1), true },
        { false, Office, 21, new DateOnly(2020, 5, 1), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Counted_LedByTheScope_NotifiedFromTheDutyStartToTheDate(bool office, int leadOffice, int leadCsp, DateOnly notified, bool counted)
    {
        var scope = new BoardScope(office ? Office : Csp, "Area", office);
        Assert.Equal(counted, ActivityOverviewQuery.Counted(scope, AsOf).Compile()(At(notified, leadOffice, leadCsp)));
    }

    [Fact]
    public void Compute_EachReviewInTheFinancialYearOfItsNotification_YearsToTheReportsYear()
    {
        var notified = new[] { new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1) };
        var cases = notified.Select(d => new OverviewCase(BoardSummaries.FinancialYearOf(d), new Dictionary<string, string>())).ToList();

        var sex = ActivityOverviews.Compute(cases, new OverviewDimensions(["Female", "Male"], [], []), BoardSummaries.FinancialYearOf(AsOf))[0];

        Assert.Equal(["2026-27", "2025-26", "2024-25"], sex.Rows.Select(r => r.Label));
        Assert.Equal(["0", "fewer than 5", "fewer than 5"], sex.Rows.Select(r => r.Total.Text));
        Assert.Equal("fewer than 5", sex.Rows[1].Cells[^1].Text);
    }
}
