using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Budget;

/// A cost paid from the pooled budget: its kind, the review it belongs to (none for the recharge, learning, meetings), amount and date.
public sealed record CostInput(long? Id, CostKind? Kind, int? ReviewId, long? AuthorAppointmentId, string? Amount, DateOnly? On, string? Description, int? Version);


/// Adds or changes a cost (Id null: a new one).
public sealed class SaveCostHandler(IReviewDbFactory dbs, BudgetChanges budget, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, int officeId, CostInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await budget.RefusedAsync(db, actor, officeId, "change a cost", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        if (input.Kind is not CostKind kind)
        {
            errors.Add(new Error("Choose what the cost is for.", nameof(input.Kind)));
            kind = CostKind.Expenses;
        }

        var ofReview = CostKinds.BelongsToReview(kind);
        if (ofReview && input.ReviewId is null)
        {
            errors.Add(new Error("Choose the review the cost belongs to.", nameof(input.ReviewId)));
        }
        else if (ofReview && input.ReviewId is int reviewId && !await db.Reviews.AnyAsync(r => r.Id == reviewId && r.LeadOfficeId == officeId, ct))
        {
            errors.Add(new Error("The review was not found among those your office leads: choose one from the list.", nameof(input.ReviewId)));
        }

        if (kind == CostKind.ChairAuthorFee && input.AuthorAppointmentId is long appointment
            && !await db.AuthorAppointments.AnyAsync(a => a.Id == appointment && a.ReviewId == input.ReviewId, ct))
        {
            errors.Add(new Error("The appointment is not one of this review's: choose it again.", nameof(input.AuthorAppointmentId)));
        }

        if (Money.Parse(input.Amount, nameof(input.Amount), "the amount", out var amount) is { } notMoney)
        {
            errors.Add(notMoney);
        }
        else if (amount == 0)
        {
            errors.Add(new Error("Enter an amount greater than zero.", nameof(input.Amount)));
        }

        if (input.On is not DateOnly on)
        {
            errors.Add(new Error("Enter the date of the cost (the invoice or payment date).", nameof(input.On)));
            on = default;
        }
        else if (on > clock.Today.AddYears(1))
        {
            errors.Add(new Error("The date is more than a year ahead: check it.", nameof(input.On)));
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > BudgetCost.DescriptionMaxLength)
        {
            errors.Add(new Error($"The description must be {BudgetCost.DescriptionMaxLength} characters or fewer.", nameof(input.Description)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var line = await BudgetChanges.LineAsync(db.BudgetCosts, input.Id, input.Version, officeId, l => l.Version,
            () => new BudgetCost { OfficeId = officeId, CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId }, "The cost", ct);
        if (!line.IsSuccess)
        {
            return line.Error!;
        }

        var row = line.Value;
        row.Kind = kind;
        row.ReviewId = ofReview ? input.ReviewId : null;
        row.AuthorAppointmentId = kind == CostKind.ChairAuthorFee ? input.AuthorAppointmentId : null;
        row.AmountPence = amount;
        row.On = on;
        row.FinancialYearStart = FinancialYear.Of(on).StartYear;
        row.Description = description;
        row.Version++;
        var saved = await BudgetChanges.SaveAsync(db, 0, "The cost", ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        audit.Add(db, actor, input.Id is null ? AuditAction.Created : AuditAction.Changed, "BudgetCost", row.Id.ToString(), row.ReviewId,
            await BudgetChanges.ReferenceAsync(db, row.ReviewId, ct), detail: $"{BudgetCost.Describe(kind)}, {new FinancialYear(row.FinancialYearStart)}: amount, date, description");
        await db.SaveChangesAsync(ct);
        return row.Id;
    }
}
