using Domain;
using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Accounts;

/// A new account with no password: the person gets an email with a link to set one.
public sealed record Invite(string? DisplayName, string? Email, UserAccess Access);

public sealed record InvitedUser(string Id, string Email, DateTime ExpiresAtUtc);

public sealed class InviteUserHandler(IReviewDbFactory dbs, IServiceScopeFactory scopes, Invitations invitations, BusinessClock clock, AuditLog audit,
    RoleGrants grants)
{
    public Task<Result<InvitedUser>> HandleAsync(Actor actor, Invite request, CancellationToken ct = default) =>
        HandleAsync(actor, request, alongside: null, ct);

    /// As HandleAsync; alongside stages more rows for the new account (e.g. its author directory entry) in the same
    /// context, so they are saved with the account, its invitation and its email, or not at all.
    public async Task<Result<InvitedUser>> HandleAsync(Actor actor, Invite request, Action<IReviewDb, PortalUser>? alongside, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!Invitations.MayInvite(actor, request.Access.Roles, request.Access.OfficeIds))
        {
            await audit.RefusedAsync(db, actor, "User", null, null, "invite a user", ct);
            return actor.IsOfficeStaff
                ? new Error(request.Access.Roles.Contains(Role.AgencyContact)
                    ? "An agency contact is asked for on its own, for an administrator to approve: choose only the role Agency contact."
                    : "Review officers and managers can invite independent authors, and ask for agency contacts: ask an administrator to invite anyone else.")
                : new AccessRefused("inviting people");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        DateTime expires = default;
        var created = await NewAccounts.CreateAsync(db, users, new NewAccount(request.DisplayName, request.Email, null, request.Access), actor,
            clock, audit, grants, "invitation", async user =>
            {
                expires = (await invitations.IssueAsync(db, user, request.Access.Roles, actor, ct)).ExpiresAtUtc;
                alongside?.Invoke(db, user);
            }, ct);
        return created.IsSuccess ? new InvitedUser(created.Value.Id, created.Value.Email!, expires) : created.Error!;
    }
}
