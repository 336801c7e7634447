using Domain;
using Domain.Access;
using Domain.Budget;

namespace Workflows.Budget;

/// Deletes a contribution of an office's pooled budget.
public sealed class DeleteContributionHandler(BudgetChanges budget)
{
    public Task<Result<bool>> HandleAsync(Actor actor, long id, int version, CancellationToken ct = default) =>
        budget.DeleteAsync(actor, id, version, db => db.BudgetContributions, "The contribution", "BudgetContribution",
            c => (c.OfficeId, c.Version, null, $"deleted ({new FinancialYear(c.FinancialYearStart)})"), ct);
}
