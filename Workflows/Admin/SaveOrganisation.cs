using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Admin;

/// What an administrator enters for an organisation. Code and SharesWithAgencyTeams are for review offices,
/// ServingOfficeId for CSPs, WorkingOfficeIds (the review offices that work with it) for agencies. EscalationEmail: a
/// CSP's accountable lead or an agency's senior manager (overdue escalations).
public sealed record OrganisationInput(string? Name, OrganisationKind Kind, string? Code = null, int? ServingOfficeId = null,
    string? EscalationEmail = null, IReadOnlyCollection<int>? WorkingOfficeIds = null, bool SharesWithAgencyTeams = false);

public sealed record SavedOrganisation(int Id, string Name, int Version);

/// Creates an organisation, or changes one at the version the administrator last saw.
public sealed class SaveOrganisationHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<SavedOrganisation>> CreateAsync(Actor actor, OrganisationInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Organisation", null, "create an organisation", ct) is { } refused)
        {
            return refused;
        }

        input = Tidy(input);
        var errors = await ValidateAsync(db, null, input, ct);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var org = new Organisation { Name = input.Name!, Kind = input.Kind, Code = input.Code, ServingOfficeId = input.ServingOfficeId,
            EscalationEmail = input.EscalationEmail, SharesWithAgencyTeams = input.SharesWithAgencyTeams };
        // The audit row and the offices working with an agency need the new id, so the saves share one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(org);
        if (await SaveOrExplainAsync(db, null, input, ct) is { } clash)
        {
            return clash;
        }

        var offices = await SyncWorkingOfficesAsync(db, org.Id, input.WorkingOfficeIds!, ct);
        audit.Add(db, actor, AuditAction.Created, "Organisation", org.Id.ToString(),
            detail: "Created organisation: " + string.Join(", ", FieldsOf(org)) + (offices.Length > 0 ? ", offices working with it: " + offices : string.Empty));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SavedOrganisation(org.Id, org.Name, org.Version);
    }

    public async Task<Result<SavedOrganisation>> ChangeAsync(Actor actor, int id, int version, OrganisationInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Organisation", id.ToString(), "change an organisation", ct) is { } refused)
        {
            return refused;
        }

        var (org, stale) = await LoadAtVersionAsync(db, id, version, ct);
        if (org is null)
        {
            return stale!;
        }

        input = Tidy(input);
        var errors = await ValidateAsync(db, org, input, ct);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var changed = new List<string>();
        if (org.Name != input.Name)
        {
            org.Name = input.Name!;
            changed.Add("name");
        }

        if (org.Code != input.Code)
        {
            org.Code = input.Code;
            changed.Add("code");
        }

        // A CSP that moves takes its reviews with it, in this transaction (CspMove): the old office's access ends with the save.
        await using var tx = org.ServingOfficeId != input.ServingOfficeId ? await db.Database.BeginTransactionAsync(ct) : null;
        if (org.ServingOfficeId != input.ServingOfficeId)
        {
            var from = org.ServingOfficeId;
            org.ServingOfficeId = input.ServingOfficeId;
            var moved = input.ServingOfficeId is int to ? await CspMove.StageAsync(db, actor, org, from, to, clock.UtcNow, ct) : 0;
            changed.Add(moved == 0 ? "serving office" : $"serving office (the lead office of the {moved} reviews it leads changed with it)");
        }

        if (org.EscalationEmail != input.EscalationEmail)
        {
            org.EscalationEmail = input.EscalationEmail;
            changed.Add(input.Kind == OrganisationKind.Csp ? "accountable lead email" : "senior manager email");
        }

        if (org.SharesWithAgencyTeams != input.SharesWithAgencyTeams)
        {
            org.SharesWithAgencyTeams = input.SharesWithAgencyTeams;
            changed.Add(input.SharesWithAgencyTeams ? "shares its agency work with agency teams" : "shows agency work only to the contact it is addressed to");
        }

        if (await SyncWorkingOfficesAsync(db, org.Id, input.WorkingOfficeIds!, ct) is { Length: > 0 } offices)
        {
            changed.Add("offices working with it: " + offices);
        }

        if (changed.Count == 0)
        {
            return new SavedOrganisation(org.Id, org.Name, org.Version);
        }

        org.Version++;
        audit.Add(db, actor, AuditAction.Changed, "Organisation", org.Id.ToString(), detail: "Changed: " + string.Join(", ", changed));
        if (await SaveOrExplainAsync(db, org, input, ct) is { } clash)
        {
            return clash;
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return new SavedOrganisation(org.Id, org.Name, org.Version);
    }

    /// The organisation to change, if it still exists at the version the administrator last saw.
    internal static async Task<(Organisation? Org, Error? Error)> LoadAtVersionAsync(IReviewDb db, int id, int version, CancellationToken ct)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? (null, new NotFound("The organisation"))
            : org.Version != version ? (null, new Conflict("This organisation"))
            : (org, null);
    }

    /// The version column and the unique indexes settle races between two administrators: the loser gets the same
    /// message as if they had saved second.
    private static async Task<Error?> SaveOrExplainAsync(IReviewDb db, Organisation? existing, OrganisationInput input, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This organisation");
        }
        catch (DbUpdateException)
        {
            if (db.Database.CurrentTransaction is { } tx)
            {
                await tx.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
            var errors = await ValidateAsync(db, existing, input, ct);
            if (errors.Count == 0)
            {
                throw;
            }

            return new ValidationFailed(errors);
        }
    }

    /// Stages the review offices that work with an agency to match the list (empty for other kinds); returns their codes
    /// as now held when they changed, else empty. Contacts of the agency gain or lose those offices' work on their next request.
    private static async Task<string> SyncWorkingOfficesAsync(IReviewDb db, int agencyId, IReadOnlyCollection<int> officeIds, CancellationToken ct)
    {
        var current = await db.AgencyOffices.Where(a => a.AgencyId == agencyId).ToListAsync(ct);
        var removed = current.Where(a => !officeIds.Contains(a.OfficeId)).ToList();
        var added = officeIds.Except(current.Select(a => a.OfficeId)).ToList();
        if (removed.Count + added.Count == 0)
        {
            return string.Empty;
        }

        db.AgencyOffices.RemoveRange(removed);
        db.AgencyOffices.AddRange(added.Select(o => new AgencyOffice { AgencyId = agencyId, OfficeId = o }));
        var codes = await db.Organisations.Where(o => officeIds.Contains(o.Id)).OrderBy(o => o.Code).Select(o => o.Code ?? o.Name).ToListAsync(ct);
        return codes.Count == 0 ? "none" : string.Join(", ", codes);
    }

    /// Trimmed, the code upper-cased, and only the fields the kind uses (the form hides the others).
    private static OrganisationInput Tidy(OrganisationInput input) => input with
    {
        Name = input.Name?.Trim() ?? string.Empty,
        Code = input.Kind == OrganisationKind.ReviewOffice && !string.IsNullOrWhiteSpace(input.Code) ? input.Code.Trim().ToUpperInvariant() : null,
        ServingOfficeId = input.Kind == OrganisationKind.Csp ? input.ServingOfficeId : null,
        EscalationEmail = input.Kind != OrganisationKind.ReviewOffice && !string.IsNullOrWhiteSpace(input.EscalationEmail) ? input.EscalationEmail.Trim() : null,
        WorkingOfficeIds = input.Kind == OrganisationKind.Agency ? (input.WorkingOfficeIds ?? []).Distinct().ToList() : [],
        SharesWithAgencyTeams = input.Kind == OrganisationKind.ReviewOffice && input.SharesWithAgencyTeams,
    };

    /// For a tidied input: the domain's field rules, then the rules that need the database: unique name per kind, unique code,
    /// an active review office to serve a CSP, and the things that must not change once in use.
    private static async Task<List<Error>> ValidateAsync(IReviewDb db, Organisation? existing, OrganisationInput input, CancellationToken ct)
    {
        var errors = Organisation.Validate(input.Name, input.Kind, input.Code, input.ServingOfficeId).ToList();
        if (Organisation.ValidateEscalationEmail(input.Kind, input.EscalationEmail) is { } badEmail)
        {
            errors.Add(badEmail);
        }

        var id = existing?.Id ?? 0;
        if (existing is not null && existing.Kind != input.Kind)
        {
            errors.Add(new Error("An organisation's kind cannot be changed: create a new organisation of the right kind and deactivate this one.",
                nameof(Organisation.Kind)));
        }

        var lowered = input.Name!.ToLowerInvariant();
        var sameName = await db.Organisations.AsNoTracking()
            .Where(o => o.Id != id && o.Kind == input.Kind && o.Name.ToLower() == lowered).Select(o => new { o.IsActive }).FirstOrDefaultAsync(ct);
        if (sameName is not null)
        {
            errors.Add(new Error($"There is already {OrganisationKinds.WithArticle(input.Kind)} called \"{input.Name}\""
                + (sameName.IsActive ? ": use a different name, or edit that one." : ", now inactive: reactivate it instead of creating another."),
                nameof(Organisation.Name)));
        }

        if (input.Code is not null)
        {
            var holder = await db.Organisations.AsNoTracking().Where(o => o.Id != id && o.Code == input.Code).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (holder is not null)
            {
                errors.Add(new Error($"The code {input.Code} is already used by {holder}: choose another.", nameof(Organisation.Code)));
            }
        }

        if (existing is not null && existing.Code is not null && existing.Code != input.Code
            && await db.Reviews.AnyAsync(r => r.LeadOfficeId == existing.Id, ct))
        {
            errors.Add(new Error($"The code cannot be changed: this office's reviews already have references starting {existing.Code}-.",
                nameof(Organisation.Code)));
        }

        if (existing is { Kind: OrganisationKind.Csp, ServingOfficeId: not null } && input.ServingOfficeId is null
            && await db.Reviews.AnyAsync(r => r.LeadCspId == existing.Id, ct))
        {
            errors.Add(new Error("This CSP leads reviews, so a review office must run them: choose the office that takes them over.",
                nameof(Organisation.ServingOfficeId)));
        }

        if (input.WorkingOfficeIds!.Count > 0)
        {
            var held = existing is null ? [] : await db.AgencyOffices.Where(a => a.AgencyId == existing.Id).Select(a => a.OfficeId).ToListAsync(ct);
            var wanted = input.WorkingOfficeIds.ToList();
            var valid = await db.Organisations.CountAsync(o => wanted.Contains(o.Id) && o.Kind == OrganisationKind.ReviewOffice
                && (o.IsActive || held.Contains(o.Id)), ct);
            if (valid != wanted.Count)
            {
                errors.Add(new Error("Choose active review offices from the list.", nameof(OrganisationInput.WorkingOfficeIds)));
            }
        }

        if (input.ServingOfficeId is int officeId && officeId != existing?.ServingOfficeId
            && !await db.Organisations.AnyAsync(o => o.Id == officeId && o.Kind == OrganisationKind.ReviewOffice && o.IsActive, ct))
        {
            errors.Add(new Error("Choose an active review office from the list to serve this CSP.", nameof(Organisation.ServingOfficeId)));
        }

        return errors;
    }

    private static IEnumerable<string> FieldsOf(Organisation org)
    {
        yield return "name";
        yield return "kind";
        if (org.Code is not null)
        {
            yield return "code";
        }

        if (org.ServingOfficeId is not null)
        {
            yield return "serving office";
        }

        if (org.EscalationEmail is not null)
        {
            yield return "escalation email";
        }

        if (org.SharesWithAgencyTeams)
        {
            yield return "shares its agency work with agency teams";
        }
    }
}
