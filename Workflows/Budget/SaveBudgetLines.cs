using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Budget;

/// One head of a year's budget as typed: the amount (blank: no budget under that head) and the version of the line the
/// page showed (null: there was none).
public sealed record BudgetLineInput(BudgetLineKind Kind, string? Amount, int? Version);

/// A year's budget, every head at once. Errors name the head's field (its kind's name).
public sealed record BudgetLinesInput(int YearStart, IReadOnlyList<BudgetLineInput> Lines);

/// Sets a financial year's budget lines: all or nothing, so that one amount that is not money saves none.
public sealed class SaveBudgetLinesHandler(IReviewDbFactory dbs, BudgetChanges budget, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(Actor actor, int officeId, BudgetLinesInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await budget.RefusedAsync(db, actor, officeId, "change the budget lines", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        var amounts = new Dictionary<BudgetLineKind, long?>();
        foreach (var line in input.Lines)
        {
            if (string.IsNullOrWhiteSpace(line.Amount))
            {
                amounts[line.Kind] = null;
            }
            else if (Money.Parse(line.Amount, line.Kind.ToString(), $"the budget for {CostKinds.Describe(line.Kind).ToLowerInvariant()}", out var pence) is { } notMoney)
            {
                errors.Add(notMoney);
            }
            else
            {
                amounts[line.Kind] = pence;
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        if (input.YearStart < 2011 || input.YearStart > 2100)
        {
            return new ValidationFailed([new Error("Choose a financial year from the list.", nameof(input.YearStart))]);
        }

        var rows = await db.BudgetLines.Where(l => l.OfficeId == officeId && l.FinancialYearStart == input.YearStart).ToListAsync(ct);
        foreach (var line in input.Lines)
        {
            var row = rows.SingleOrDefault(r => r.Kind == line.Kind);
            if (row?.Version != line.Version)
            {
                return new Conflict("The budget lines");
            }

            switch (row, amounts[line.Kind])
            {
                case (null, long pence):
                    db.BudgetLines.Add(new BudgetLine { OfficeId = officeId, FinancialYearStart = input.YearStart, Kind = line.Kind, AmountPence = pence, Version = 1 });
                    break;
                case ({ } existing, null):
                    db.BudgetLines.Remove(existing);
                    break;
                case ({ } existing, long pence) when existing.AmountPence != pence:
                    existing.AmountPence = pence;
                    existing.Version++;
                    break;
            }
        }

        audit.Add(db, actor, AuditAction.Changed, "PooledBudget", officeId.ToString(), detail: $"budget lines {new FinancialYear(input.YearStart)}");
        var saved = await BudgetChanges.SaveAsync(db, 0, "The budget lines", ct);
        return saved.IsSuccess ? true : saved.Error!;
    }
}
