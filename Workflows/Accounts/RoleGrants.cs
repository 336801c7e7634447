using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Accounts;

/// The rule of the second administrator (issue 13): the data protection officer's role (every real name) and the
/// administrator's (every account) are granted only when a second administrator approves. An administrator asking for
/// them on a new or existing account makes a RoleGrantRequest instead; every administrator is told by email, and
/// another approves it under Users (DecideRoleGrantHandler), or, where the portal has a single administrator, whoever
/// runs the server approves it with the command `admin approve`.
public sealed class RoleGrants(IOutbox outbox, EmailOptions email, BusinessClock clock, AuditLog audit)
{
    public const string EmailReason = "RoleGrant";
    public const string Template = "RoleGrant";

    public static readonly IReadOnlySet<Role> NeedApproval = new HashSet<Role> { Role.DataProtectionOfficer, Role.Administrator };

    /// Stages the account's roles and memberships to match the access asked for, except that a role needing approval
    /// that the account does not hold becomes a request (emailed to every administrator) and a request for a role no
    /// longer asked for is withdrawn. Returns what changed, by name, for the caller's audit row.
    public async Task<List<string>> ApplyAsync(IReviewDb db, Actor actor, string userId, UserAccess access, CancellationToken ct)
    {
        var held = (await AccountRules.RolesOfAsync(db, [userId], ct))[userId].ToHashSet();
        var asked = access.Roles.Where(r => NeedApproval.Contains(r) && !held.Contains(r)).ToHashSet();
        var changed = await AccountRules.ReplaceAccessAsync(db, userId, access with { Roles = access.Roles.Except(asked).ToList() }, ct);

        var pending = await db.RoleGrantRequests.Where(g => g.UserId == userId).ToListAsync(ct);
        foreach (var withdrawn in pending.Where(g => !asked.Contains(g.Role)))
        {
            db.RoleGrantRequests.Remove(withdrawn);
            changed.Add($"request for the role {Roles.Describe(withdrawn.Role)} withdrawn");
        }

        foreach (var role in asked.Where(r => pending.All(g => g.Role != r)).Order())
        {
            var request = new RoleGrantRequest
            {
                UserId = userId, Role = role, RequestedAtUtc = clock.UtcNow,
                RequestedByUserId = string.IsNullOrEmpty(actor.UserId) ? null : actor.UserId,
            };
            db.RoleGrantRequests.Add(request);
            await TellAdministratorsAsync(db, request, "asked for", actor, ct);
            changed.Add($"role {Roles.Describe(role)} asked for (awaiting a second administrator's approval)");
        }

        return changed;
    }

    /// Grants the requested role (the caller has checked who approves) and tells every administrator; the caller saves
    /// it with AccountSaves (a new security stamp, and the account's open sessions ended).
    internal async Task GrantAsync(IReviewDb db, Actor approver, RoleGrantRequest request, PortalUser user, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == request.Role.ToString()).Select(r => r.Id).SingleAsync(ct);
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == roleId, ct))
        {
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = roleId });
        }

        db.RoleGrantRequests.Remove(request);
        audit.Add(db, approver, AuditAction.Changed, "User", user.Id,
            detail: $"Role {Roles.Describe(request.Role)} granted: asked for by {request.RequestedByUserId ?? "the command line"} on "
                + $"{UkDate.FormatWithTime(request.RequestedAtUtc)}, approved");
        await TellAdministratorsAsync(db, request, "approved and granted", approver, ct);
    }

    /// Every administrator able to sign in, by email: ids and the role only (no names: DOMAIN.md), and a link to the
    /// account's page, where an administrator sees who it is.
    private async Task TellAdministratorsAsync(IReviewDb db, RoleGrantRequest request, string what, Actor by, CancellationToken ct)
    {
        var administrators = await (from u in db.Users
                                    join ur in db.UserRoles on u.Id equals ur.UserId
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    where r.Name == nameof(Role.Administrator) && !u.IsDisabled && u.Email != null
                                    select new { u.Id, u.Email }).ToListAsync(ct);
        var values = new Dictionary<string, string>
        {
            ["Event"] = what,
            ["Role"] = Roles.Describe(request.Role),
            ["AccountId"] = request.UserId,
            ["By"] = string.IsNullOrEmpty(by.UserId) ? "the server's command line" : "the administrator with id " + by.UserId,
            ["Link"] = email.LinkTo("admin/users"),
            ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
        };
        foreach (var administrator in administrators)
        {
            await outbox.EnqueueAsync(db, new OutgoingEmail(administrator.Email!, administrator.Id, EmailReason, $"{request.Id:N}-{what}", Template, values), ct);
        }
    }
}
