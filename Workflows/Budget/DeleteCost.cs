using Domain;
using Domain.Access;
using Domain.Budget;

namespace Workflows.Budget;

/// Deletes a cost of an office's pooled budget.
public sealed class DeleteCostHandler(BudgetChanges budget)
{
    public Task<Result<bool>> HandleAsync(Actor actor, long id, int version, CancellationToken ct = default) =>
        budget.DeleteAsync(actor, id, version, db => db.BudgetCosts, "The cost", "BudgetCost",
            c => (c.OfficeId, c.Version, c.ReviewId, $"deleted ({BudgetCost.Describe(c.Kind)}, {new FinancialYear(c.FinancialYearStart)})"), ct);
}
