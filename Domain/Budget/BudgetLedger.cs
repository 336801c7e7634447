namespace Domain.Budget;

/// A contribution as the ledger counts it: cash drawn down is income; in kind and not drawn down are shown apart.
public sealed record ContributionFact(int YearStart, long AmountPence, bool Paid, bool InKind = false, bool NotDrawnDown = false)
{
    public bool IsIncome => !InKind && !NotDrawnDown;
}

public sealed record CostFact(int YearStart, int? ReviewId, CostKind Kind, long AmountPence);

public sealed record BudgetLineFact(int YearStart, BudgetLineKind Kind, long AmountPence);

/// One head of a year's budget: what was planned (null: no line set) and what the costs recorded under it add up to.
public sealed record LineAgainstBudget(BudgetLineKind Kind, long? BudgetPence, long ActualPence)
{
    /// Negative when the head is overspent.
    public long RemainingPence => (BudgetPence ?? 0) - ActualPence;
}

/// One year of the pooled budget as the board papers present it: the reserve brought forward, cash contributions agreed
/// and drawn down (income), spend by kind, and the reserve carried forward; apart from these, contributions in kind
/// (valued, not cash) and those not drawn down.
public sealed record YearStatement(
    FinancialYear Year, long OpeningReservePence, long IncomePence, long PaidPence, IReadOnlyDictionary<CostKind, long> SpendByKind,
    int ReviewsWithCosts, long InKindPence = 0, long NotDrawnDownPence = 0)
{
    public long SpendPence => SpendByKind.Values.Sum();

    public long OutstandingPence => IncomePence - PaidPence;

    public long ClosingReservePence => OpeningReservePence + IncomePence - SpendPence;

    public long Spend(CostKind kind) => SpendByKind.TryGetValue(kind, out var p) ? p : 0;

    /// What the reviews themselves cost (fees, expenses, legal); the rest belongs to no review.
    public long ReviewSpendPence => SpendByKind.Where(k => CostKinds.BelongsToReview(k.Key)).Sum(k => k.Value);

    public long NoReviewSpendPence => SpendPence - ReviewSpendPence;
}

/// Next year's forecast: expected reviews times the average cost per review of the completed years, plus the costs
/// that belong to no review (recharge, learning, meetings) as in the latest completed year, against the contributions
/// already agreed for next year.
/// StaffingPence is the office's recharge within NoReviewCostsPence (what a pay award raises).
public sealed record BudgetForecast(
    FinancialYear Year, decimal ExpectedReviews, long? AverageCostPerReviewPence, int CompletedYears, long ReviewCostsPence, long NoReviewCostsPence,
    long IncomePence, long OpeningReservePence, long StaffingPence = 0)
{
    public long SpendPence => ReviewCostsPence + NoReviewCostsPence;

    public long ClosingReservePence => OpeningReservePence + IncomePence - SpendPence;
}

/// What one partner gives in a year: cash drawn down (and how much of it is paid), in kind, and cash not drawn down.
public sealed record PartnerLine(string Partner, long CashPence, long PaidPence, long InKindPence, long NotDrawnDownPence)
{
    public bool PaysCash => CashPence > 0;

    public long OutstandingPence => CashPence - PaidPence;
}

/// The arithmetic of the pooled budget, with no I/O so that it can be checked against figures worked out by hand.
public static class BudgetLedger
{
    /// Statements from the first year up to and including `upTo`: each year opens with the previous year's closing
    /// reserve; the first opens with the reserve entered. Lines dated before the first year are ignored.
    public static IReadOnlyList<YearStatement> Statements(FinancialYear first, long firstOpeningPence, IReadOnlyCollection<ContributionFact> contributions,
        IReadOnlyCollection<CostFact> costs, FinancialYear upTo)
    {
        var list = new List<YearStatement>();
        var opening = firstOpeningPence;
        for (var year = first; year <= upTo; year = year.Next)
        {
            var y = year.StartYear;
            var given = contributions.Where(c => c.YearStart == y).ToList();
            var income = given.Where(c => c.IsIncome).ToList();
            var spend = costs.Where(c => c.YearStart == y).ToList();
            var statement = new YearStatement(
                year, opening, income.Sum(c => c.AmountPence), income.Where(c => c.Paid).Sum(c => c.AmountPence),
                spend.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.AmountPence)),
                spend.Where(c => c.ReviewId is not null).Select(c => c.ReviewId).Distinct().Count(),
                given.Where(c => c.InKind).Sum(c => c.AmountPence), given.Where(c => !c.InKind && c.NotDrawnDown).Sum(c => c.AmountPence));
            list.Add(statement);
            opening = statement.ClosingReservePence;
        }

        return list;
    }

    /// Years that ended before today count as completed.
    public static bool IsCompleted(FinancialYear year, DateOnly today) => year.End < today;

    /// The review costs (fees, expenses, legal; not the costs that belong to no review) of the completed years divided
    /// by the number of reviews that had any, to the nearest penny; null when no completed year had review costs.
    public static long? AverageCostPerReview(IReadOnlyCollection<CostFact> costs, FinancialYear first, DateOnly today)
    {
        var review = costs.Where(c => c.ReviewId is not null && CostKinds.BelongsToReview(c.Kind) && c.YearStart >= first.StartYear
            && IsCompleted(new FinancialYear(c.YearStart), today)).ToList();
        var reviews = review.Select(c => c.ReviewId).Distinct().Count();
        return reviews == 0 ? null : (long)Math.Round(review.Sum(c => c.AmountPence) / (decimal)reviews, MidpointRounding.AwayFromZero);
    }

    /// Every head of the year's budget, in order, with the costs of that year counted against it (CostKinds.LineOf).
    public static IReadOnlyList<LineAgainstBudget> AgainstBudget(FinancialYear year, IReadOnlyCollection<BudgetLineFact> lines, IReadOnlyCollection<CostFact> costs) =>
        Enum.GetValues<BudgetLineKind>().Select(kind => new LineAgainstBudget(kind,
            lines.Where(l => l.YearStart == year.StartYear && l.Kind == kind).Select(l => (long?)l.AmountPence).SingleOrDefault(),
            costs.Where(c => c.YearStart == year.StartYear && CostKinds.LineOf(c.Kind) == kind).Sum(c => c.AmountPence))).ToList();

    /// Who pays in a year and how much, and who does not: every partner with a contribution for the year, and every
    /// partner expected to (the office's CSPs, last year's contributors) with none, as a line of zeros. Those who pay
    /// cash come first, most first; then the others by name. Partners are told apart by name, case ignored.
    public static IReadOnlyList<PartnerLine> Partners(FinancialYear year, IReadOnlyCollection<(string Partner, ContributionFact Fact)> contributions,
        IEnumerable<string> expected)
    {
        var lines = contributions.Where(c => c.Fact.YearStart == year.StartYear).GroupBy(c => c.Partner, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PartnerLine(g.First().Partner,
                g.Where(c => c.Fact.IsIncome).Sum(c => c.Fact.AmountPence), g.Where(c => c.Fact.IsIncome && c.Fact.Paid).Sum(c => c.Fact.AmountPence),
                g.Where(c => c.Fact.InKind).Sum(c => c.Fact.AmountPence), g.Where(c => !c.Fact.InKind && c.Fact.NotDrawnDown).Sum(c => c.Fact.AmountPence)))
            .ToList();
        var named = lines.Select(l => l.Partner).ToHashSet(StringComparer.OrdinalIgnoreCase);
        lines.AddRange(expected.Distinct(StringComparer.OrdinalIgnoreCase).Where(p => !named.Contains(p)).Select(p => new PartnerLine(p, 0, 0, 0, 0)));
        return [.. lines.OrderByDescending(l => l.PaysCash).ThenByDescending(l => l.CashPence).ThenBy(l => l.Partner, StringComparer.OrdinalIgnoreCase)];
    }

    /// A percentage of an amount, to the nearest penny, halves away from zero.
    public static long PercentOf(long pence, decimal percent) => (long)Math.Round(pence * percent / 100m, MidpointRounding.AwayFromZero);

    /// The forecast as it would be with a pay award on the office's staffing (the recharge) and with partners paying
    /// this year's cash contributions changed by a rate (in place of what is agreed for next year so far). Each amount
    /// is rounded to the penny on its own: the uplift, then the income.
    public static BudgetForecast Scenario(BudgetForecast current, long thisYearCashPence, decimal payAwardPercent, decimal contributionChangePercent) =>
        current with
        {
            NoReviewCostsPence = current.NoReviewCostsPence + PercentOf(current.StaffingPence, payAwardPercent),
            StaffingPence = current.StaffingPence + PercentOf(current.StaffingPence, payAwardPercent),
            IncomePence = thisYearCashPence + PercentOf(thisYearCashPence, contributionChangePercent),
        };

    /// What one review is planned to cost: the year's budget for chairs and authors and for legal costs over the
    /// reviews expected, to the nearest penny; null when neither head has a budget or no review is expected.
    public static long? EstimatePerReview(IReadOnlyCollection<LineAgainstBudget> heads, decimal expectedReviews)
    {
        var review = heads.Where(h => h.Kind is BudgetLineKind.ChairsAndAuthors or BudgetLineKind.Legal && h.BudgetPence is not null).ToList();
        return review.Count == 0 || expectedReviews <= 0
            ? null
            : (long)Math.Round(review.Sum(h => h.BudgetPence!.Value) / expectedReviews, MidpointRounding.AwayFromZero);
    }

    /// Pence times a number of reviews (one decimal place), to the nearest penny, halves away from zero.
    public static long Times(long pence, decimal reviews) => (long)Math.Round(pence * reviews, MidpointRounding.AwayFromZero);

    public static BudgetForecast Forecast(FinancialYear first, long firstOpeningPence, decimal expectedReviews, IReadOnlyCollection<ContributionFact> contributions,
        IReadOnlyCollection<CostFact> costs, DateOnly today)
    {
        var current = FinancialYear.Of(today);
        var next = current.Next;
        var statements = Statements(first, firstOpeningPence, contributions, costs, current < first ? first : current);
        var completed = statements.Where(s => IsCompleted(s.Year, today)).ToList();
        var average = AverageCostPerReview(costs, first, today);
        var noReview = completed.Count == 0 ? 0 : completed[^1].NoReviewSpendPence;
        return new BudgetForecast(
            next, expectedReviews, average, completed.Count, Times(average ?? 0, expectedReviews), noReview,
            contributions.Where(c => c.YearStart == next.StartYear && c.IsIncome).Sum(c => c.AmountPence),
            statements[^1].ClosingReservePence, completed.Count == 0 ? 0 : completed[^1].Spend(CostKind.Recharge));
    }
}
