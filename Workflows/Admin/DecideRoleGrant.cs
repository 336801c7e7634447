using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// A second administrator approves or declines a role asked for (RoleGrants). Approving takes someone other than the
/// administrator who asked and the account's holder; from the server's command line (`admin approve`) only where the
/// portal has a single administrator able to sign in, who could otherwise never grant these roles. Declining, or
/// withdrawing one's own request, is open to any administrator.
public sealed class DecideRoleGrantHandler(IReviewDbFactory dbs, AuditLog audit, RoleGrants grants, IOpenSessions sessions)
{
    public static bool MayApprove(Actor actor, string userId, string? requestedByUserId) =>
        string.IsNullOrEmpty(actor.UserId) || (actor.UserId != userId && actor.UserId != requestedByUserId);

    public async Task<Result<RoleGrantRequest>> HandleAsync(Actor actor, Guid requestId, bool approve, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, approve ? "approve a role" : "decline a role", ct) is { } refused)
        {
            return refused;
        }

        var request = await db.RoleGrantRequests.SingleOrDefaultAsync(g => g.Id == requestId, ct);
        if (request is null)
        {
            return new NotFound("The request");
        }

        var user = await db.Users.SingleAsync(u => u.Id == request.UserId, ct);
        if (!approve)
        {
            db.RoleGrantRequests.Remove(request);
            audit.Add(db, actor, AuditAction.Changed, "User", user.Id, detail: $"Role {Roles.Describe(request.Role)} declined: not granted");
            await db.SaveChangesAsync(ct);
            return request;
        }

        if (!MayApprove(actor, request.UserId, request.RequestedByUserId))
        {
            await audit.RefusedAsync(db, actor, "User", user.Id, null, $"approve the role {Roles.Describe(request.Role)} they asked for or would hold", ct);
            return new Error(actor.UserId == request.UserId
                ? "This request is for your own account: another administrator must approve it."
                : "You asked for this role: another administrator must approve it, so that no one grants it alone.");
        }

        if (string.IsNullOrEmpty(actor.UserId))
        {
            var able = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == nameof(Role.Administrator) && !u.IsDisabled && u.PasswordHash != null
                              select u.Id).CountAsync(ct);
            if (able > 1)
            {
                await audit.RefusedAsync(db, actor, "User", user.Id, null, "approve a role from the command line where administrators can", ct);
                return new Error($"The portal has {able} administrators who can sign in: one who did not ask for it approves it under Users. "
                    + "The command approves only where a single administrator exists.");
            }
        }

        await grants.GrantAsync(db, actor, request, user, ct);
        // Refused when another administrator decided it (or changed the account) a moment ago.
        return await AccountSaves.SaveAsync(db, sessions, user, accessChanged: true, ct) ? request : new Conflict("This request");
    }
}
