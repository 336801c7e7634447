using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// A role waiting for a second administrator's approval, as the Users page shows it. MayApprove: the viewer may approve
/// it (neither its requester nor its subject).
public sealed record PendingRoleGrant(Guid Id, string UserId, string DisplayName, string Email, Role Role, string RequestedBy,
    DateTime RequestedAtUtc, bool MayApprove);

public sealed class ListRoleGrantsQuery(IReviewDbFactory dbs, AuditLog audit)
{
    /// Email: only the requests for that account (the `admin approve` command); null: all, oldest first.
    public async Task<Result<IReadOnlyList<PendingRoleGrant>>> HandleAsync(Actor actor, string? email = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "list the roles awaiting approval", ct) is { } refused)
        {
            return refused;
        }

        var normalised = email?.Trim().ToUpperInvariant();
        var rows = await (from g in db.RoleGrantRequests.AsNoTracking()
                          join u in db.Users on g.UserId equals u.Id
                          where normalised == null || u.NormalizedEmail == normalised
                          join r in db.Users on g.RequestedByUserId equals r.Id into requesters
                          from r in requesters.DefaultIfEmpty()
                          select new { g.Id, g.UserId, u.DisplayName, u.Email, g.Role, g.RequestedByUserId, RequestedBy = r == null ? null : r.DisplayName, g.RequestedAtUtc })
            .ToListAsync(ct);
        return rows.OrderBy(g => g.RequestedAtUtc)
            .Select(g => new PendingRoleGrant(g.Id, g.UserId, g.DisplayName, g.Email ?? string.Empty, g.Role, g.RequestedBy ?? "the server's command line",
                g.RequestedAtUtc, DecideRoleGrantHandler.MayApprove(actor, g.UserId, g.RequestedByUserId)))
            .ToList();
    }
}
