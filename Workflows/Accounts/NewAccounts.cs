using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Accounts;

/// What both ways of creating an account share: CreateUserHandler (a temporary password) and InviteUserHandler
/// (no password: an emailed invitation). Password null: the account has none until the person sets one.
internal sealed record NewAccount(string? DisplayName, string? Email, string? Password, UserAccess Access);

internal static class NewAccounts
{
    /// Validates, creates the account, grants its roles and memberships, lets the caller stage more rows (an invitation
    /// and its email) and writes the audit row, all saved together. The caller has checked who may do this. Grants null:
    /// the roles are granted as they are, for the first administrator alone (there is no second to approve); otherwise a
    /// role that needs a second administrator's approval is asked for (RoleGrants).
    public static async Task<Result<PortalUser>> CreateAsync(IReviewDb db, UserManager<PortalUser> users, NewAccount request, Actor actor,
        BusinessClock clock, AuditLog audit, RoleGrants? grants, string credential, Func<PortalUser, Task>? stage, CancellationToken ct, string? howApproved = null)
    {
        var email = request.Email?.Trim() ?? string.Empty;
        var name = request.DisplayName?.Trim() ?? string.Empty;
        // A password given by an administrator is temporary; one the person sets (by invitation) is their own.
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, CreatedAtUtc = clock.UtcNow, MustChangePassword = request.Password is not null };

        var errors = AccountRules.CheckDisplayName(name).Concat(AccountRules.CheckEmail(email)).Concat(request.Access.Validate()).ToList();
        errors.AddRange(await AccountRules.CheckOrganisationsAsync(db, request.Access, [], ct));
        if (!errors.Any(e => e.Field == nameof(NewAccount.Email)) && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(AccountRules.EmailTaken);
        }

        if (request.Password is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange(AccountRules.Describe((await validator.ValidateAsync(users, user, request.Password)).Errors));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var created = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return new ValidationFailed(AccountRules.Describe(created.Errors).ToList());
        }

        try
        {
            var granted = grants is null
                ? await AccountRules.ReplaceAccessAsync(db, user.Id, request.Access, ct)
                : await grants.ApplyAsync(db, actor, user.Id, request.Access, ct);
            if (stage is not null)
            {
                await stage(user);
            }

            audit.Add(db, actor, AuditAction.Created, "User", user.Id,
                detail: "Created account: " + string.Join(", ", ["display name", "email", credential, .. granted]) + ". "
                    + await DescribeAsync(db, request.Access, ct) + (howApproved is null ? string.Empty : " " + howApproved));
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The account row is saved by UserManager's own context; if its roles, memberships or audit row cannot
            // follow, remove it rather than leave an account that nobody recorded creating.
            await users.DeleteAsync(user);
            throw;
        }

        return user;
    }

    /// What the account may do, for its audit row: "Roles: Agency contact. Agency: Leicestershire Police, working with offices LR."
    private static async Task<string> DescribeAsync(IReviewDb db, UserAccess access, CancellationToken ct)
    {
        var ids = access.OfficeIds.Concat(access.AgencyIds).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code ?? o.Name, ct);
        var agencyIds = access.AgencyIds.ToList();
        var working = (await (from a in db.AgencyOffices
                              join o in db.Organisations on a.OfficeId equals o.Id
                              where agencyIds.Contains(a.AgencyId)
                              select new { a.AgencyId, Office = o.Code ?? o.Name }).ToListAsync(ct))
            .ToLookup(x => x.AgencyId, x => x.Office);
        var parts = new List<string> { "Roles: " + string.Join(", ", access.Roles.Order().Select(Roles.Describe)) + "." };
        if (access.OfficeIds.Count > 0)
        {
            parts.Add("Offices: " + string.Join(", ", access.OfficeIds.Select(id => names[id]).Order()) + ".");
        }

        parts.AddRange(access.AgencyIds.Select(id => $"Agency: {names[id]}, working with offices "
            + (working[id].Any() ? string.Join(", ", working[id].Order()) : "none yet") + "."));
        return string.Join(" ", parts);
    }
}
