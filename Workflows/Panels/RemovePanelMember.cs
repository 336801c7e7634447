using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

/// Removes a member: the participant row is revoked, not deleted, and their access ends on their next request.
public sealed class RemovePanelMemberHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int reviewId, int participantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "remove a panel member", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var revoked = await db.ReviewParticipants.PanelMembers(reviewId).Where(p => p.Id == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, clock.UtcNow), ct);
        if (revoked == 0)
        {
            return new NotFound("The panel member");
        }

        audit.Add(db, actor, AuditAction.Changed, "PanelMember", participantId.ToString(), reviewId, access.Value.Reference, "removed from the panel");
        await db.SaveChangesAsync(ct);
        return participantId;
    }
}
