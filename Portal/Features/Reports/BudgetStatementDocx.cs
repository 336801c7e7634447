using DocumentFormat.OpenXml.Wordprocessing;
using Workflows.Budget;

namespace Portal.Features.Reports;

/// The board report's budget statement: the office's pooled budget for the year of the report, when the reader may see
/// it (BudgetAccess). Its own file so that the board report's other sections stay apart.
public static class BudgetStatementDocx
{
    public static void Append(Body body, BudgetView? budget, uint usableWidth)
    {
        if (budget?.Statement is not { } statement || budget.Settings is not { } settings)
        {
            return;
        }

        body.Append(WordParts.Heading(BudgetStatementText.Title(budget), 2));
        WordParts.AppendTable(body, BudgetStatementText.Statement(statement), string.Empty, usableWidth);
        body.Append(WordParts.Heading("Budget against actual", 3));
        WordParts.AppendTable(body, BudgetStatementText.AgainstBudget(budget), string.Empty, usableWidth);
        body.Append(WordParts.Text(BudgetStatementText.EstimateHelp(budget)));
        body.Append(WordParts.Heading("Partners", 3));
        WordParts.AppendTable(body, BudgetStatementText.Partners(budget), "No partner is expected to contribute and none has.", usableWidth);
        if (budget.Forecast is { } forecast && budget.Scenario is { } scenario)
        {
            body.Append(WordParts.Heading($"Forecast for {forecast.Year}", 3));
            WordParts.AppendTable(body, BudgetStatementText.Forecast(forecast, scenario), string.Empty, usableWidth);
            body.Append(WordParts.Text(BudgetStatementText.ScenarioHelp(settings)));
        }
    }
}
