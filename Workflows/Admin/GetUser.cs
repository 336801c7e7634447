using Domain;
using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// ConcurrencyStamp is Identity's version of the account row: a change must quote the one it started from. Access holds
/// the roles asked for and awaiting a second administrator's approval (PendingRoles) too: saving the form again keeps
/// the request, and unticking one withdraws it.
public sealed record UserDetails(string Id, string DisplayName, string Email, DateTime CreatedAtUtc, bool IsDisabled, UserAccess Access,
    string ConcurrencyStamp, bool HasPassword = true)
{
    /// Two-factor authentication is on (an authenticator app is set up): an administrator may reset it.
    public bool HasAuthenticator { get; init; }

    public IReadOnlyCollection<Role> PendingRoles { get; init; } = [];
}

public sealed class GetUserHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<UserDetails>> HandleAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", userId, "open a user account", ct) is { } refused)
        {
            return refused;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAtUtc, u.IsDisabled, u.ConcurrencyStamp, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return new NotFound("The account");
        }

        var roles = await AccountRules.RolesOfAsync(db, [userId], ct);
        var offices = await AccountRules.MembershipsOfAsync(db, [userId], OrganisationKind.ReviewOffice, ct);
        var agencies = await AccountRules.MembershipsOfAsync(db, [userId], OrganisationKind.Agency, ct);
        var pending = await db.RoleGrantRequests.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.Role).ToListAsync(ct);
        var access = new UserAccess(roles[userId].Concat(pending).ToHashSet(), offices[userId].Select(o => o.Id).ToHashSet(),
            agencies[userId].Select(o => o.Id).ToHashSet());
        return new UserDetails(user.Id, user.DisplayName, user.Email ?? string.Empty, user.CreatedAtUtc, user.IsDisabled, access,
            user.ConcurrencyStamp ?? string.Empty, user.HasPassword) { PendingRoles = pending, HasAuthenticator = user.TwoFactorEnabled };
    }
}
