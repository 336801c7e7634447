using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Budget;

/// Where the office's ledger starts, how many reviews a year it expects, and the forecast's scenario (a pay award and a
/// change of contribution rate, in per cent; blank for none). Amounts are typed text, checked here.
public sealed record BudgetSettingsInput(int? FirstYearStart, string? OpeningReserve, string? ExpectedReviewsPerYear, int? Version,
    string? PayAwardPercent = null, string? ContributionChangePercent = null);

/// The office's budget settings: the first year the portal keeps, its opening reserve, the reviews expected a year.
public sealed class SaveBudgetSettingsHandler(IReviewDbFactory dbs, BudgetChanges budget, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int officeId, BudgetSettingsInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await budget.RefusedAsync(db, actor, officeId, "change the budget settings", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        if (input.FirstYearStart is not int first || first < 2011 || first > FinancialYear.Of(clock.Today).StartYear + 1)
        {
            errors.Add(new Error("Choose the first financial year the portal keeps (from 2011/12 to next year).", nameof(input.FirstYearStart)));
        }

        if (Money.Parse(input.OpeningReserve, nameof(input.OpeningReserve), "the opening reserve", out var reserve) is { } notMoney)
        {
            errors.Add(notMoney);
        }

        if (ExpectedReviews.Parse(input.ExpectedReviewsPerYear, nameof(input.ExpectedReviewsPerYear), out var expected) is { } notReviews)
        {
            errors.Add(notReviews);
        }

        if (Percentage.Parse(input.PayAwardPercent, nameof(input.PayAwardPercent), "the pay award", 0, 20, out var payAward) is { } notPayAward)
        {
            errors.Add(notPayAward);
        }

        if (Percentage.Parse(input.ContributionChangePercent, nameof(input.ContributionChangePercent), "the change of contribution rate", -100, 100, out var change) is { } notChange)
        {
            errors.Add(notChange);
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var row = await db.PooledBudgets.SingleOrDefaultAsync(b => b.OfficeId == officeId, ct);
        if (row is null)
        {
            row = new PooledBudget { OfficeId = officeId };
            db.PooledBudgets.Add(row);
        }
        else if (input.Version != row.Version)
        {
            return new Conflict("The budget settings");
        }

        row.FirstYearStart = input.FirstYearStart!.Value;
        row.FirstYearOpeningReservePence = reserve;
        row.ExpectedReviewsPerYear = expected;
        row.PayAwardPercent = payAward;
        row.ContributionChangePercent = change;
        row.Version++;
        audit.Add(db, actor, AuditAction.Changed, "PooledBudget", officeId.ToString(), detail: "settings: first year, opening reserve, expected reviews a year, forecast scenario");
        return await BudgetChanges.SaveAsync(db, row.Version, "The budget settings", ct);
    }
}
