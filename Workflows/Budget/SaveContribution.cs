using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Budget;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Budget;

/// A partner's contribution to the pooled budget for a financial year: who, how much, when invoiced and paid; or given
/// in kind (what, and its value); or agreed but not drawn down.
public sealed record ContributionInput(long? Id, int YearStart, int? PartnerOrganisationId, string? PartnerName, string? Amount, DateOnly? InvoicedOn,
    DateOnly? PaidOn, int? Version, bool InKind = false, string? Description = null, bool NotDrawnDown = false);


/// Adds or changes a contribution (Id null: a new one).
public sealed class SaveContributionHandler(IReviewDbFactory dbs, BudgetChanges budget, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, int officeId, ContributionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await budget.RefusedAsync(db, actor, officeId, "change a contribution", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        var name = string.IsNullOrWhiteSpace(input.PartnerName) ? null : input.PartnerName.Trim();
        if (input.PartnerOrganisationId is null && name is null)
        {
            errors.Add(new Error("Choose the partner, or type its name if it is not in the list.", nameof(input.PartnerOrganisationId)));
        }
        else if (input.PartnerOrganisationId is not null && name is not null)
        {
            errors.Add(new Error("Either choose a partner from the list or type a name, not both.", nameof(input.PartnerName)));
        }
        else if (name?.Length > BudgetContribution.PartnerNameMaxLength)
        {
            errors.Add(new Error($"The partner's name must be {BudgetContribution.PartnerNameMaxLength} characters or fewer.", nameof(input.PartnerName)));
        }
        else if (input.PartnerOrganisationId is int partner && !await db.Organisations.AnyAsync(
                     o => o.Id == partner && (o.Kind == OrganisationKind.Csp || o.Kind == OrganisationKind.Agency), ct))
        {
            errors.Add(new Error("The partner was not found: choose a CSP or agency from the list.", nameof(input.PartnerOrganisationId)));
        }

        if (Money.Parse(input.Amount, nameof(input.Amount), "the amount", out var amount) is { } notMoney)
        {
            errors.Add(notMoney);
        }
        else if (amount == 0)
        {
            errors.Add(new Error("Enter an amount greater than zero.", nameof(input.Amount)));
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (input.InKind)
        {
            if (description is null)
            {
                errors.Add(new Error("Say what is given in kind, for example 20 days of an analyst's time.", nameof(input.Description)));
            }
            else if (description.Length > BudgetContribution.DescriptionMaxLength)
            {
                errors.Add(new Error($"The description must be {BudgetContribution.DescriptionMaxLength} characters or fewer.", nameof(input.Description)));
            }

            if (input.InvoicedOn is not null || input.PaidOn is not null)
            {
                errors.Add(new Error("A contribution in kind is not invoiced or paid: clear both dates.", nameof(input.InvoicedOn)));
            }

            if (input.NotDrawnDown)
            {
                errors.Add(new Error("Only cash is drawn down: untick \"not drawn down\" for a contribution in kind.", nameof(input.NotDrawnDown)));
            }
        }
        else if (input.NotDrawnDown && input.PaidOn is not null)
        {
            errors.Add(new Error("A contribution that was paid has been drawn down: clear the date paid or untick \"not drawn down\".", nameof(input.NotDrawnDown)));
        }

        var today = clock.Today;
        if (input.InvoicedOn > today)
        {
            errors.Add(new Error("The invoice date cannot be in the future.", nameof(input.InvoicedOn)));
        }

        if (input.PaidOn is DateOnly paid)
        {
            if (paid > today)
            {
                errors.Add(new Error("The date paid cannot be in the future.", nameof(input.PaidOn)));
            }
            else if (input.InvoicedOn is not DateOnly invoiced)
            {
                errors.Add(new Error("Enter the date invoiced before the date paid.", nameof(input.InvoicedOn)));
            }
            else if (paid < invoiced)
            {
                errors.Add(new Error("The contribution cannot be paid before it was invoiced: check both dates.", nameof(input.PaidOn)));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var line = await BudgetChanges.LineAsync(db.BudgetContributions, input.Id, input.Version, officeId, l => l.Version,
            () => new BudgetContribution { OfficeId = officeId, CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId }, "The contribution", ct);
        if (!line.IsSuccess)
        {
            return line.Error!;
        }

        var row = line.Value;
        row.FinancialYearStart = input.YearStart;
        row.PartnerOrganisationId = input.PartnerOrganisationId;
        row.PartnerName = name;
        row.AmountPence = amount;
        row.InvoicedOn = input.InvoicedOn;
        row.PaidOn = input.PaidOn;
        row.InKind = input.InKind;
        row.Description = input.InKind ? description : null;
        row.NotDrawnDown = input.NotDrawnDown;
        row.Version++;
        var saved = await BudgetChanges.SaveAsync(db, 0, "The contribution", ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        audit.Add(db, actor, input.Id is null ? AuditAction.Created : AuditAction.Changed, "BudgetContribution", row.Id.ToString(),
            detail: $"{new FinancialYear(row.FinancialYearStart)}: partner, amount, invoiced, paid, in kind, drawn down");
        await db.SaveChangesAsync(ct);
        return row.Id;
    }
}
