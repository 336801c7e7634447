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

/// Where the office's ledger starts and how many reviews a year it expects. Amounts are typed text, checked here.
public sealed record BudgetSettingsInput(int? FirstYearStart, string? OpeningReserve, int? ExpectedReviewsPerYear, int? Version);

public sealed record ContributionInput(long? Id, int YearStart, int? PartnerOrganisationId, string? PartnerName, string? Amount, DateOnly? InvoicedOn,
    DateOnly? PaidOn, int? Version);

public sealed record CostInput(long? Id, CostKind? Kind, int? ReviewId, long? AuthorAppointmentId, string? Amount, DateOnly? On, string? Description, int? Version);

/// Keeps an office's pooled budget: settings, contributions and costs. Officers and managers of the office only;
/// every change is audited (amounts are not personal data; partners are organisations).
public sealed class BudgetCommands(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<int>> SaveSettingsAsync(Actor actor, int officeId, BudgetSettingsInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefusedAsync(db, actor, officeId, "change the budget settings", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        if (input.FirstYearStart is not int first || first < 2011 || first > FinancialYear.Of(clock.Today).StartYear + 1)
        {
            errors.Add(new Error("Choose the first financial year the portal keeps (from 2011/12 to next year).", nameof(input.FirstYearStart)));
        }

        if (!Money.TryParsePence(input.OpeningReserve, out var reserve, out var message))
        {
            errors.Add(new Error("Opening reserve: " + message, nameof(input.OpeningReserve)));
        }

        if (input.ExpectedReviewsPerYear is not int expected || expected < 0 || expected > 100)
        {
            errors.Add(new Error("Enter the number of reviews expected a year, from 0 to 100.", nameof(input.ExpectedReviewsPerYear)));
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
        row.ExpectedReviewsPerYear = input.ExpectedReviewsPerYear!.Value;
        row.Version++;
        audit.Add(db, actor, AuditAction.Changed, "PooledBudget", officeId.ToString(), detail: "settings: first year, opening reserve, expected reviews a year");
        return await SaveAsync(db, row.Version, "The budget settings", ct);
    }

    public async Task<Result<long>> SaveContributionAsync(Actor actor, int officeId, ContributionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefusedAsync(db, actor, officeId, "change a contribution", ct) is { } refused)
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

        if (!Money.TryParsePence(input.Amount, out var amount, out var message))
        {
            errors.Add(new Error(message!, nameof(input.Amount)));
        }
        else if (amount == 0)
        {
            errors.Add(new Error("Enter an amount greater than zero.", nameof(input.Amount)));
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

        var row = await LoadAsync(db.BudgetContributions, input.Id, officeId, ct);
        if (row is null && input.Id is not null)
        {
            return new NotFound("The contribution");
        }

        if (row is not null && row.Version != input.Version)
        {
            return new Conflict("The contribution");
        }

        row ??= db.BudgetContributions.Add(new BudgetContribution { OfficeId = officeId, CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId }).Entity;
        row.FinancialYearStart = input.YearStart;
        row.PartnerOrganisationId = input.PartnerOrganisationId;
        row.PartnerName = name;
        row.AmountPence = amount;
        row.InvoicedOn = input.InvoicedOn;
        row.PaidOn = input.PaidOn;
        row.Version++;
        var saved = await SaveAsync(db, 0, "The contribution", ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        audit.Add(db, actor, input.Id is null ? AuditAction.Created : AuditAction.Changed, "BudgetContribution", row.Id.ToString(),
            detail: $"{new FinancialYear(row.FinancialYearStart)}: partner, amount, invoiced, paid");
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task<Result<long>> SaveCostAsync(Actor actor, int officeId, CostInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefusedAsync(db, actor, officeId, "change a cost", ct) is { } refused)
        {
            return refused;
        }

        var errors = new List<Error>();
        if (input.Kind is not CostKind kind)
        {
            errors.Add(new Error("Choose what the cost is for.", nameof(input.Kind)));
            kind = CostKind.Expenses;
        }

        if (kind != CostKind.Recharge && input.ReviewId is null)
        {
            errors.Add(new Error("Choose the review the cost belongs to.", nameof(input.ReviewId)));
        }
        else if (input.ReviewId is int reviewId && !await db.Reviews.AnyAsync(r => r.Id == reviewId && r.LeadOfficeId == officeId, ct))
        {
            errors.Add(new Error("The review was not found among those your office leads: choose one from the list.", nameof(input.ReviewId)));
        }

        if (kind == CostKind.ChairAuthorFee && input.AuthorAppointmentId is long appointment
            && !await db.AuthorAppointments.AnyAsync(a => a.Id == appointment && a.ReviewId == input.ReviewId, ct))
        {
            errors.Add(new Error("The appointment is not one of this review's: choose it again.", nameof(input.AuthorAppointmentId)));
        }

        if (!Money.TryParsePence(input.Amount, out var amount, out var message))
        {
            errors.Add(new Error(message!, nameof(input.Amount)));
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

        var row = await LoadAsync(db.BudgetCosts, input.Id, officeId, ct);
        if (row is null && input.Id is not null)
        {
            return new NotFound("The cost");
        }

        if (row is not null && row.Version != input.Version)
        {
            return new Conflict("The cost");
        }

        row ??= db.BudgetCosts.Add(new BudgetCost { OfficeId = officeId, CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId }).Entity;
        row.Kind = kind;
        row.ReviewId = kind == CostKind.Recharge ? null : input.ReviewId;
        row.AuthorAppointmentId = kind == CostKind.ChairAuthorFee ? input.AuthorAppointmentId : null;
        row.AmountPence = amount;
        row.On = on;
        row.FinancialYearStart = FinancialYear.Of(on).StartYear;
        row.Description = description;
        row.Version++;
        var saved = await SaveAsync(db, 0, "The cost", ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        audit.Add(db, actor, input.Id is null ? AuditAction.Created : AuditAction.Changed, "BudgetCost", row.Id.ToString(), row.ReviewId,
            detail: $"{BudgetCost.Describe(kind)}, {new FinancialYear(row.FinancialYearStart)}: amount, date, description");
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public Task<Result<bool>> DeleteContributionAsync(Actor actor, long id, int version, CancellationToken ct = default) =>
        DeleteAsync(actor, id, version, db => db.BudgetContributions, "The contribution", "BudgetContribution",
            c => (c.OfficeId, c.Version, null, $"deleted ({new FinancialYear(c.FinancialYearStart)})"), ct);

    public Task<Result<bool>> DeleteCostAsync(Actor actor, long id, int version, CancellationToken ct = default) =>
        DeleteAsync(actor, id, version, db => db.BudgetCosts, "The cost", "BudgetCost",
            c => (c.OfficeId, c.Version, c.ReviewId, $"deleted ({BudgetCost.Describe(c.Kind)}, {new FinancialYear(c.FinancialYearStart)})"), ct);

    /// Deletes one line of an office's budget (after the page has asked for confirmation), audited with what it was.
    private async Task<Result<bool>> DeleteAsync<T>(Actor actor, long id, int version, Func<IReviewDb, DbSet<T>> set, string what, string subject,
        Func<T, (int OfficeId, int Version, int? ReviewId, string Detail)> describe, CancellationToken ct) where T : class
    {
        await using var db = await dbs.CreateAsync(ct);
        var row = await set(db).SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == id, ct);
        if (row is null)
        {
            return new NotFound(what);
        }

        var line = describe(row);
        if (await RefusedAsync(db, actor, line.OfficeId, "delete a budget line", ct) is { } refused)
        {
            return refused;
        }

        if (line.Version != version)
        {
            return new Conflict(what);
        }

        set(db).Remove(row);
        audit.Add(db, actor, AuditAction.Changed, subject, id.ToString(), line.ReviewId, detail: line.Detail);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> RefusedAsync(IReviewDb db, Actor actor, int officeId, string what, CancellationToken ct)
    {
        if (BudgetAccess.CanEdit(actor, officeId))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "PooledBudget", officeId.ToString(), null, what, ct);
        return new AccessRefused("changing this office's pooled budget");
    }

    private static Task<T?> LoadAsync<T>(DbSet<T> set, long? id, int officeId, CancellationToken ct) where T : class =>
        id is long key
            ? set.Where(e => EF.Property<long>(e, "Id") == key && EF.Property<int>(e, "OfficeId") == officeId).SingleOrDefaultAsync(ct)
            : Task.FromResult<T?>(null);

    private static async Task<Result<int>> SaveAsync(IReviewDb db, int version, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return version;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict(what);
        }
    }
}
