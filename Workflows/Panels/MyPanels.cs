using Domain.Access;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.Panels;

/// The reviews whose panel the actor sits on: case label and reference only.
public sealed record MyPanelRow(int ReviewId, string Reference, string CaseLabel, PanelRole Role);

public sealed class MyPanelsQuery(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<MyPanelRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(actor.UserId))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        return await (from p in db.ReviewParticipants.PanelMembers()
                      join s in db.PanelSeats on p.Id equals s.ParticipantId
                      join r in db.Reviews on p.ReviewId equals r.Id
                      where p.UserId == actor.UserId
                      orderby r.Reference
                      select new MyPanelRow(r.Id, r.Reference, r.CaseLabel, s.Role)).AsNoTracking().ToListAsync(ct);
    }
}
