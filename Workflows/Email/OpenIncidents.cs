using Domain.Access;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Email;

public sealed record IncidentRow(long Id, IncidentKind Kind, DateTime OpenedAtUtc, string Message);

/// Open incidents, for the banner on administration pages.
public sealed class OpenIncidentsQuery(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<IncidentRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        // Not a refusal worth auditing: the banner simply shows nothing to anyone else.
        if (!actor.Is(Role.Administrator))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => i.ResolvedAtUtc == null).OrderBy(i => i.OpenedAtUtc)
            .Select(i => new IncidentRow(i.Id, i.Kind, i.OpenedAtUtc, i.Message)).ToListAsync(ct);
    }
}
