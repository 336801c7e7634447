using Domain.Budget;

namespace Portal.Fast.Tests;

public class BudgetLedgerTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static long P(decimal pounds) => (long)(pounds * 100m);

    [Fact]
    public void FinancialYear_RunsAprilToMarch()
    {
        Assert.Equal(new FinancialYear(2026), FinancialYear.Of(D(2027, 3, 31)));
        Assert.Equal(new FinancialYear(2027), FinancialYear.Of(D(2027, 4, 1)));
        Assert.Equal("2026/27", FinancialYear.Of(D(2027, 3, 31)).ToString());
        Assert.Equal("2027/28", FinancialYear.Of(D(2027, 4, 1)).ToString());
        Assert.Equal("1999/00", new FinancialYear(1999).ToString());
        Assert.Equal(D(2026, 4, 1), new FinancialYear(2026).Start);
        Assert.Equal(D(2027, 3, 31), new FinancialYear(2026).End);
        Assert.True(new FinancialYear(2026).Contains(D(2027, 2, 28)));
        Assert.False(new FinancialYear(2026).Contains(D(2027, 4, 1)));
    }

    [Fact]
    public void FinancialYear_LeapYearFebruaryAndNewYearsDay_StayInTheYearThatStartedInApril()
    {
        Assert.Equal(2027, FinancialYear.Of(D(2028, 2, 29)).StartYear);
        Assert.Equal(2026, FinancialYear.Of(D(2027, 1, 1)).StartYear);
        Assert.Equal(2026, FinancialYear.Of(D(2026, 12, 31)).StartYear);
    }

    // The figures of a partnership like the board paper's: worked out by hand in the comments.
    private static readonly ContributionFact[] Contributions =
    [
        new(2024, P(30_000m), Paid: true), new(2024, P(16_000m), Paid: true), new(2024, P(20_000m), Paid: false),
        new(2025, P(66_000m), Paid: true),
        new(2026, P(30_000m), Paid: false),
        new(2027, P(40_000m), Paid: false),
    ];

    private static readonly CostFact[] Costs =
    [
        new(2024, 1, CostKind.ChairAuthorFee, P(8_500m)), new(2024, 1, CostKind.Expenses, P(250.50m)), new(2024, 2, CostKind.ChairAuthorFee, P(12_000m)),
        new(2024, 2, CostKind.LegalCosts, P(1_000m)), new(2024, null, CostKind.Recharge, P(53_504.67m)),
        new(2025, 3, CostKind.ChairAuthorFee, P(9_000m)), new(2025, null, CostKind.Recharge, P(54_000m)),
        new(2026, 4, CostKind.ChairAuthorFee, P(10_000m)),
    ];

    [Fact]
    public void Statements_CarryTheClosingReserveForwardAsNextYearsOpening()
    {
        var statements = BudgetLedger.Statements(new FinancialYear(2024), P(70_788m), Contributions, Costs, new FinancialYear(2026));

        Assert.Equal(3, statements.Count);
        var first = statements[0];
        Assert.Equal(P(70_788m), first.OpeningReservePence);
        Assert.Equal(P(66_000m), first.IncomePence);
        Assert.Equal(P(46_000m), first.PaidPence);
        Assert.Equal(P(20_000m), first.OutstandingPence);
        Assert.Equal(P(20_500m), first.Spend(CostKind.ChairAuthorFee));
        Assert.Equal(P(75_255.17m), first.SpendPence); // 8,500 + 250.50 + 12,000 + 1,000 + 53,504.67
        Assert.Equal(P(61_532.83m), first.ClosingReservePence); // 70,788 + 66,000 - 75,255.17
        Assert.Equal(2, first.ReviewsWithCosts);

        Assert.Equal(P(61_532.83m), statements[1].OpeningReservePence);
        Assert.Equal(P(64_532.83m), statements[1].ClosingReservePence); // + 66,000 - 63,000
        Assert.Equal(P(64_532.83m), statements[2].OpeningReservePence);
        Assert.Equal(P(84_532.83m), statements[2].ClosingReservePence); // + 30,000 - 10,000
    }

    [Fact]
    public void AverageCostPerReview_UsesCompletedYearsOnly_AndNotTheRecharge()
    {
        // 15 Nov 2026: 2024/25 and 2025/26 are complete. 8,500 + 250.50 + 12,000 + 1,000 + 9,000 = 30,750.50 over 3 reviews.
        Assert.Equal(P(10_250.17m), BudgetLedger.AverageCostPerReview(Costs, new FinancialYear(2024), D(2026, 11, 15)));
        // On 31 Mar 2026 2025/26 has not ended: 30,750.50 - 9,000 = 21,750.50 over 2 reviews.
        Assert.Equal(P(10_875.25m), BudgetLedger.AverageCostPerReview(Costs, new FinancialYear(2024), D(2026, 3, 31)));
        Assert.Null(BudgetLedger.AverageCostPerReview(Costs, new FinancialYear(2024), D(2025, 3, 31)));
    }

    [Fact]
    public void Forecast_NextYear_FromExpectedReviewsAndTheAverageCost()
    {
        var forecast = BudgetLedger.Forecast(new FinancialYear(2024), P(70_788m), expectedReviews: 4, Contributions, Costs, D(2026, 11, 15));

        Assert.Equal(new FinancialYear(2027), forecast.Year);
        Assert.Equal(2, forecast.CompletedYears);
        Assert.Equal(P(41_000.68m), forecast.ReviewCostsPence); // 4 x 10,250.17
        Assert.Equal(P(54_000m), forecast.NoReviewCostsPence); // as in 2025/26, the latest completed year
        Assert.Equal(P(95_000.68m), forecast.SpendPence);
        Assert.Equal(P(40_000m), forecast.IncomePence); // agreed for 2027/28 so far
        Assert.Equal(P(84_532.83m), forecast.OpeningReservePence); // 2026/27's closing reserve as it stands
        Assert.Equal(P(29_532.15m), forecast.ClosingReservePence); // 84,532.83 + 40,000 - 95,000.68
    }

    [Fact]
    public void Forecast_BeforeAnyYearHasCompleted_HasNoAverageAndNoRecharge()
    {
        // 1 April 2024 is the first day of the first year: nothing has completed yet.
        var forecast = BudgetLedger.Forecast(new FinancialYear(2024), P(70_788m), expectedReviews: 4, Contributions, Costs, D(2024, 4, 1));

        Assert.Equal((new FinancialYear(2025), 0, (long?)null), (forecast.Year, forecast.CompletedYears, forecast.AverageCostPerReviewPence));
        Assert.Equal((0L, 0L), (forecast.ReviewCostsPence, forecast.NoReviewCostsPence));
    }

    [Fact]
    public void IsCompleted_OnTheLastDayOfTheYear_NotYet_TheDayAfter_Yes()
    {
        Assert.False(BudgetLedger.IsCompleted(new FinancialYear(2025), D(2026, 3, 31)));
        Assert.True(BudgetLedger.IsCompleted(new FinancialYear(2025), D(2026, 4, 1)));
        Assert.True(new FinancialYear(2025).Contains(D(2025, 4, 1)));
        Assert.True(new FinancialYear(2025).Contains(D(2026, 3, 31)));
        Assert.False(new FinancialYear(2025).Contains(D(2025, 3, 31)));
        Assert.Equal((new FinancialYear(2024), new FinancialYear(2026)), (new FinancialYear(2025).Previous, new FinancialYear(2025).Next));
    }
}
