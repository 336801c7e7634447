using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// A change to an account's name, roles and memberships, made from the version (ConcurrencyStamp) the administrator saw.
public sealed record UserChange(string UserId, string ConcurrencyStamp, string? DisplayName, UserAccess Access);

public sealed record ChangedUser(string Id, string ConcurrencyStamp);

public sealed class ChangeUserHandler(IReviewDbFactory dbs, AuditLog audit, IOpenSessions sessions, RoleGrants grants)
{
    public async Task<Result<ChangedUser>> HandleAsync(Actor actor, UserChange change, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", change.UserId, "change a user account", ct) is { } refused)
        {
            return refused;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == change.UserId, ct);
        if (user is null)
        {
            return new NotFound("The account");
        }

        if (user.ConcurrencyStamp != change.ConcurrencyStamp)
        {
            return new Conflict("This account");
        }

        var name = change.DisplayName?.Trim() ?? string.Empty;
        var errors = AccountRules.CheckDisplayName(name).Concat(change.Access.Validate()).ToList();
        if (user.Id == actor.UserId && !change.Access.Roles.Contains(Role.Administrator))
        {
            errors.Add(new Error("You cannot remove your own Administrator role: ask another administrator to do it, so that someone can always manage accounts.",
                nameof(UserAccess.Roles)));
        }

        var held = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync(ct);
        errors.AddRange(await AccountRules.CheckOrganisationsAsync(db, change.Access, held, ct));
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        // Roles, memberships, the new security stamp and the audit row are saved by one context in one transaction,
        // which is why this goes through the context rather than UserManager's one-save-per-call methods.
        // A data protection officer's or administrator's role asked for is a request for a second administrator.
        var changed = await grants.ApplyAsync(db, actor, user.Id, change.Access, ct);
        // Requests and handlers read access from the database, so they follow at once; sign-in cookies and remembered
        // devices issued for the old access stop working, and open pages end once this is saved (AccountSaves).
        var accessChanged = changed.Any(c => c is AccountRules.RolesChanged or AccountRules.MembershipsChanged);
        if (user.DisplayName != name)
        {
            user.DisplayName = name;
            changed.Insert(0, "display name");
        }

        if (changed.Count == 0)
        {
            return new ChangedUser(user.Id, user.ConcurrencyStamp ?? string.Empty);
        }

        audit.Add(db, actor, AuditAction.Changed, "User", user.Id, detail: "Changed: " + string.Join(", ", changed));
        return await AccountSaves.SaveAsync(db, sessions, user, accessChanged, ct)
            ? new ChangedUser(user.Id, user.ConcurrencyStamp!)
            : new Conflict("This account");
    }
}
