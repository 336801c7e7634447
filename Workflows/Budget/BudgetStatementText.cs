using Domain;
using Domain.Budget;
using Workflows.Reports;

namespace Workflows.Budget;

/// The pooled budget's statement for the board's .docx, as text tables: the year's statement, budget against actual,
/// the partners, and next year's forecast beside its scenario. Figures only: no review is named.
public static class BudgetStatementText
{
    public static string Title(BudgetView view) => $"Pooled budget: {view.Office.Name}, {view.Year}";

    public static TextTable Statement(YearStatement s) => new(
        ["Statement", "Amount"],
        [
            [$"Reserve brought forward (1 April {s.Year.StartYear})", Money.Format(s.OpeningReservePence)],
            ["Contributions agreed (cash, drawn down)", Money.Format(s.IncomePence)],
            ["of which paid", Money.Format(s.PaidPence)],
            ["Spend on reviews", Money.Format(s.ReviewSpendPence)],
            ["Spend of no review (recharge, learning, meetings)", Money.Format(s.NoReviewSpendPence)],
            [$"Reserve carried forward (31 March {s.Year.StartYear + 1})", Money.Format(s.ClosingReservePence)],
            ["Contributions in kind (valued, not cash)", Money.Format(s.InKindPence)],
            ["Contributions agreed but not drawn down", Money.Format(s.NotDrawnDownPence)],
        ]);

    public static TextTable AgainstBudget(BudgetView view) => new(
        ["Head", "Budget", "Actual", "Remaining"],
        view.AgainstBudget.Select(l => (IReadOnlyList<string>)[CostKinds.Describe(l.Kind), Money.Format(l.BudgetPence, "No budget set"), Money.Format(l.ActualPence),
            Remaining(l.RemainingPence)]).ToList(),
        ["Total", Money.Format(view.AgainstBudget.Sum(l => l.BudgetPence ?? 0)), Money.Format(view.AgainstBudget.Sum(l => l.ActualPence)),
            Remaining(view.AgainstBudget.Sum(l => l.RemainingPence))]);

    public static TextTable Partners(BudgetView view) => new(
        ["Partner", "Cash", "Paid", "In kind", "Pays?"],
        view.Partners.Select(p => (IReadOnlyList<string>)[p.Partner, Money.Format(p.CashPence), Money.Format(p.PaidPence), Money.Format(p.InKindPence), Pays(p)]).ToList());

    public static TextTable Forecast(BudgetForecast f, BudgetForecast s) => new(
        [$"Forecast for {f.Year}", "As it stands", "Scenario"],
        [
            ["Expected reviews", ExpectedReviews.Format(f.ExpectedReviews), ExpectedReviews.Format(s.ExpectedReviews)],
            ["Review costs", Money.Format(f.ReviewCostsPence), Money.Format(s.ReviewCostsPence)],
            ["Costs of no review", Money.Format(f.NoReviewCostsPence), Money.Format(s.NoReviewCostsPence)],
            ["Contributions", Money.Format(f.IncomePence), Money.Format(s.IncomePence)],
            ["Reserve brought forward", Money.Format(f.OpeningReservePence), Money.Format(s.OpeningReservePence)],
            ["Reserve carried forward", Money.Format(f.ClosingReservePence), Money.Format(s.ClosingReservePence)],
        ]);

    /// What the scenario assumes and how its pennies round, in words under its table.
    public static string ScenarioHelp(BudgetSettingsView settings) =>
        $"The scenario adds a pay award of {Percentage.Format(settings.PayAwardPercent)} to the office's staffing and takes this year's cash contributions "
        + $"changed by {Percentage.Format(settings.ContributionChangePercent)} in place of those agreed so far. Each amount is rounded to the nearest penny, a half penny away from zero.";

    public static string EstimateHelp(BudgetView view) =>
        $"Estimate per review: {Money.Format(view.EstimatePerReviewPence, "not known")} (the budget for chairs and authors and for legal costs over "
        + $"{ExpectedReviews.Format(view.Settings?.ExpectedReviewsPerYear ?? 0)} reviews expected).";

    public static string Remaining(long pence) => pence < 0 ? $"{Money.Format(-pence)} over" : Money.Format(pence);

    public static string Pays(PartnerLine p) => p switch
    {
        { PaysCash: true } => "Yes",
        { NotDrawnDownPence: > 0 } => "Not drawn down",
        { InKindPence: > 0 } => "In kind only",
        _ => "No contribution",
    };
}
