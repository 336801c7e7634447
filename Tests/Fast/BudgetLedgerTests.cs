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

    [Fact]
    public void AgainstBudget_CountsEachCostUnderItsHead_AndCostsOfNoReviewToo()
    {
        // 2026/27 of the office: two fees and an expense of reviews, the recharge, a learning event and a meeting.
        CostFact[] costs =
        [
            new(2026, 4, CostKind.ChairAuthorFee, P(10_000m)), new(2026, 5, CostKind.ChairAuthorFee, P(6_750m)), new(2026, 5, CostKind.Expenses, P(180.25m)),
            new(2026, null, CostKind.Recharge, P(28_000m)), new(2026, null, CostKind.Learning, P(450m)), new(2026, null, CostKind.Meetings, P(95.50m)),
            new(2025, null, CostKind.Learning, P(999m)), // another year: not counted
        ];
        BudgetLineFact[] lines =
        [
            new(2026, BudgetLineKind.OfficeStaffing, P(29_000m)), new(2026, BudgetLineKind.ChairsAndAuthors, P(15_000m)), new(2026, BudgetLineKind.Learning, P(1_500m)),
            new(2025, BudgetLineKind.Legal, P(2_000m)),
        ];

        var heads = BudgetLedger.AgainstBudget(new FinancialYear(2026), lines, costs).ToDictionary(l => l.Kind);

        Assert.Equal(Enum.GetValues<BudgetLineKind>(), heads.Keys);
        Assert.Equal((P(29_000m), P(28_000m), P(1_000m)), (heads[BudgetLineKind.OfficeStaffing].BudgetPence, heads[BudgetLineKind.OfficeStaffing].ActualPence, heads[BudgetLineKind.OfficeStaffing].RemainingPence));
        // 10,000 + 6,750 + 180.25 = 16,930.25 against 15,000: 1,930.25 over.
        Assert.Equal((P(16_930.25m), -P(1_930.25m)), (heads[BudgetLineKind.ChairsAndAuthors].ActualPence, heads[BudgetLineKind.ChairsAndAuthors].RemainingPence));
        Assert.Equal((P(1_500m), P(450m), P(1_050m)), (heads[BudgetLineKind.Learning].BudgetPence, heads[BudgetLineKind.Learning].ActualPence, heads[BudgetLineKind.Learning].RemainingPence));
        // No line set (2025/26's legal line is another year's): no budget, spent 95.50 on meetings is all over.
        Assert.Equal(((long?)null, 0L), (heads[BudgetLineKind.Legal].BudgetPence, heads[BudgetLineKind.Legal].ActualPence));
        Assert.Equal(((long?)null, P(95.50m), -P(95.50m)), (heads[BudgetLineKind.Meetings].BudgetPence, heads[BudgetLineKind.Meetings].ActualPence, heads[BudgetLineKind.Meetings].RemainingPence));

        var statement = BudgetLedger.Statements(new FinancialYear(2026), 0, [], costs, new FinancialYear(2026)).Single();
        Assert.Equal(P(16_930.25m), statement.ReviewSpendPence);
        Assert.Equal(P(28_545.50m), statement.NoReviewSpendPence); // 28,000 + 450 + 95.50
        Assert.Equal(2, statement.ReviewsWithCosts);
    }

    [Fact]
    public void CostKinds_EveryKindCountsUnderOneHead_AndOnlyFeesExpensesAndLegalBelongToAReview()
    {
        Assert.All(Enum.GetValues<CostKind>(), k => Assert.True(Enum.IsDefined(CostKinds.LineOf(k))));
        Assert.Equal([CostKind.ChairAuthorFee, CostKind.Expenses, CostKind.LegalCosts], Enum.GetValues<CostKind>().Where(CostKinds.BelongsToReview));
        Assert.Equal("chair/author fees, expenses", CostKinds.Holds(BudgetLineKind.ChairsAndAuthors));
    }

    [Fact]
    public void Forecast_WithHalfAReview_RoundsThePenniesHalfAwayFromZero()
    {
        // 2.5 x 10,250.17 = 25,625.425: to the nearest penny, the half away from zero, 25,625.43.
        var forecast = BudgetLedger.Forecast(new FinancialYear(2024), P(70_788m), expectedReviews: 2.5m, Contributions, Costs, D(2026, 11, 15));

        Assert.Equal(2.5m, forecast.ExpectedReviews);
        Assert.Equal(P(25_625.43m), forecast.ReviewCostsPence);
        Assert.Equal(P(79_625.43m), forecast.SpendPence); // + 54,000 of no review
        Assert.Equal(3L, BudgetLedger.Times(1, 2.5m));
        Assert.Equal(0L, BudgetLedger.Times(P(10_000m), 0m));
    }

    [Theory]
    [InlineData("2.5", "2.5")]
    [InlineData(" 4 ", "4")]
    [InlineData("0", "0")]
    [InlineData("100.0", "100")]
    public void ExpectedReviews_ToOneDecimalPlace_AreAccepted(string typed, string shown)
    {
        Assert.Null(ExpectedReviews.Parse(typed, "Expected", out var reviews));
        Assert.Equal(shown, ExpectedReviews.Format(reviews));
    }

    [Theory]
    [InlineData("2.55", "one decimal place")]
    [InlineData("100.5", "at most 100")]
    [InlineData("-1", "from 0 to 100")]
    [InlineData("two", "from 0 to 100")]
    [InlineData("", "from 0 to 100")]
    [InlineData(null, "from 0 to 100")]
    [InlineData("2,5", "from 0 to 100")]
    public void ExpectedReviews_Otherwise_AreRefusedForTheField(string? typed, string said)
    {
        var error = ExpectedReviews.Parse(typed, "Expected", out var reviews);

        Assert.NotNull(error);
        Assert.Equal("Expected", error.Field);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Equal(0m, reviews);
    }

    [Fact]
    public void ContributionStates_FollowTheDates_PaidBeforeTheYearBeganIsPaidInAdvance()
    {
        var year = new FinancialYear(2027);
        Assert.Equal(ContributionState.Agreed, ContributionStates.Of(year, null, null, notDrawnDown: false));
        Assert.Equal(ContributionState.Invoiced, ContributionStates.Of(year, D(2027, 3, 1), null, notDrawnDown: false));
        Assert.Equal(ContributionState.PaidInAdvance, ContributionStates.Of(year, D(2027, 3, 1), D(2027, 3, 31), notDrawnDown: false));
        Assert.Equal(ContributionState.Paid, ContributionStates.Of(year, D(2027, 3, 1), D(2027, 4, 1), notDrawnDown: false));
        Assert.Equal(ContributionState.NotDrawnDown, ContributionStates.Of(year, D(2027, 3, 1), null, notDrawnDown: true));
        Assert.Equal("Paid in advance", ContributionStates.Describe(ContributionState.PaidInAdvance));
    }

    [Fact]
    public void Statements_CountCashDrawnDownAsIncome_AndShowInKindAndNotDrawnDownApart()
    {
        ContributionFact[] given =
        [
            new(2026, P(30_000m), Paid: true), new(2026, P(10_000m), Paid: false),
            new(2026, P(3_000m), Paid: false, InKind: true), new(2026, P(25_000m), Paid: false, NotDrawnDown: true),
            new(2027, P(33_000m), Paid: true), new(2027, P(5_000m), Paid: false, NotDrawnDown: true),
        ];

        var year = BudgetLedger.Statements(new FinancialYear(2026), P(1_000m), given, [], new FinancialYear(2026)).Single();

        Assert.Equal((P(40_000m), P(30_000m), P(10_000m)), (year.IncomePence, year.PaidPence, year.OutstandingPence));
        Assert.Equal((P(3_000m), P(25_000m)), (year.InKindPence, year.NotDrawnDownPence));
        Assert.Equal(P(41_000m), year.ClosingReservePence); // 1,000 + 40,000: in kind and not drawn down are not cash in the reserve
        // The forecast for 2027/28 counts the 33,000 paid in advance, not the 5,000 not drawn down.
        Assert.Equal(P(33_000m), BudgetLedger.Forecast(new FinancialYear(2026), P(1_000m), 2m, given, [], D(2026, 11, 23)).IncomePence);
    }

    [Fact]
    public void Partners_WhoPaysHowMuch_AndWhoDoesNot()
    {
        (string, ContributionFact)[] given =
        [
            ("County Council", new(2026, P(30_000m), Paid: true)), ("county council", new(2026, P(2_000m), Paid: false)),
            ("Police", new(2026, P(10_000m), Paid: false)), ("Police", new(2026, P(3_000m), Paid: false, InKind: true)),
            ("City Council", new(2026, P(25_000m), Paid: false, NotDrawnDown: true)),
            ("Health Board", new(2025, P(5_000m), Paid: true)),
        ];

        var partners = BudgetLedger.Partners(new FinancialYear(2026), given, ["Blaby CSP", "Health Board", "police"]);

        Assert.Equal(["County Council", "Police", "Blaby CSP", "City Council", "Health Board"], partners.Select(p => p.Partner));
        Assert.Equal(new PartnerLine("County Council", P(32_000m), P(30_000m), 0, 0), partners[0]);
        Assert.Equal(P(2_000m), partners[0].OutstandingPence);
        Assert.Equal(new PartnerLine("Police", P(10_000m), 0, P(3_000m), 0), partners[1]);
        Assert.Equal(new PartnerLine("City Council", 0, 0, 0, P(25_000m)), partners[3]);
        Assert.False(partners[2].PaysCash);
        Assert.Equal(new PartnerLine("Health Board", 0, 0, 0, 0), partners[4]);
    }

    [Fact]
    public void Scenario_APayAwardOnTheStaffing_AndAChangedContributionRate_BesideTheForecast()
    {
        // The forecast of 15 Nov 2026 (above): review costs 41,000.68, no-review costs 54,000 (all of it the recharge),
        // contributions agreed for 2027/28 40,000, brought forward 84,532.83.
        var current = BudgetLedger.Forecast(new FinancialYear(2024), P(70_788m), expectedReviews: 4, Contributions, Costs, D(2026, 11, 15));
        Assert.Equal(P(54_000m), current.StaffingPence);

        // A 3.5% pay award: 54,000 x 3.5% = 1,890. This year's cash 30,000 cut by 2.5%: 30,000 - 750 = 29,250.
        var scenario = BudgetLedger.Scenario(current, thisYearCashPence: P(30_000m), payAwardPercent: 3.5m, contributionChangePercent: -2.5m);

        Assert.Equal(P(55_890m), scenario.NoReviewCostsPence);
        Assert.Equal(P(29_250m), scenario.IncomePence);
        Assert.Equal(P(41_000.68m), scenario.ReviewCostsPence);
        Assert.Equal(P(16_892.15m), scenario.ClosingReservePence); // 84,532.83 + 29,250 - 41,000.68 - 55,890
        Assert.Equal(P(29_532.15m), current.ClosingReservePence); // the current one is unchanged

        // Pennies: 1,234.57 x 2.5% = 30.86425, to 30.86; 0.10 x 2.5% = 0.0025, to 0.00; 0.20 x 2.5% = 0.005, to 0.01 (a half away from zero).
        Assert.Equal(3_086L, BudgetLedger.PercentOf(123_457, 2.5m));
        Assert.Equal(0L, BudgetLedger.PercentOf(10, 2.5m));
        Assert.Equal(1L, BudgetLedger.PercentOf(20, 2.5m));
        Assert.Equal(-1L, BudgetLedger.PercentOf(20, -2.5m));
    }

    [Fact]
    public void EstimatePerReview_TheReviewHeadsBudgetOverTheReviewsExpected()
    {
        LineAgainstBudget[] heads =
        [
            new(BudgetLineKind.OfficeStaffing, P(29_000m), 0), new(BudgetLineKind.ChairsAndAuthors, P(30_000m), 0), new(BudgetLineKind.Legal, P(2_000m), 0),
            new(BudgetLineKind.Learning, P(1_500m), 0), new(BudgetLineKind.Meetings, null, 0),
        ];

        // (30,000 + 2,000) / 2.5 = 12,800; / 3 = 10,666.666... to 10,666.67.
        Assert.Equal(P(12_800m), BudgetLedger.EstimatePerReview(heads, 2.5m));
        Assert.Equal(P(10_666.67m), BudgetLedger.EstimatePerReview(heads, 3m));
        Assert.Null(BudgetLedger.EstimatePerReview(heads, 0m));
        Assert.Null(BudgetLedger.EstimatePerReview([new(BudgetLineKind.OfficeStaffing, P(1m), 0), new(BudgetLineKind.Legal, null, 0)], 2m));
    }

    [Theory]
    [InlineData("3.5", 3.5)]
    [InlineData(" -10 % ", -10)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Percentage_Accepted(string? typed, double expected)
    {
        Assert.Null(Percentage.Parse(typed, "Rate", "the rate", -100, 100, out var percent));
        Assert.Equal((decimal)expected, percent);
    }

    [Theory]
    [InlineData("3.555", "two decimal places")]
    [InlineData("21", "from 0 to 20")]
    [InlineData("three", "from 0 to 20")]
    [InlineData("-1", "from 0 to 20")]
    public void Percentage_Refused(string typed, string said)
    {
        var error = Percentage.Parse(typed, "PayAward", "the pay award", 0, 20, out _);

        Assert.Equal("PayAward", error!.Field);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }
}
