using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Accounts;

/// What the invite page offers: administrators every office and agency; review officers and managers the agencies that
/// work with their office (the only ones they may ask for a contact of).
public sealed class InvitationChoicesQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<AdminChoices>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.Is(Role.Administrator) && !actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "User", null, null, "open the invitation form", ct);
            return new AccessRefused("inviting people");
        }

        var all = await OrganisationChoices.LoadAsync(db, ct);
        if (actor.Is(Role.Administrator))
        {
            return all;
        }

        var offices = actor.OfficeIds.ToList();
        var working = await db.AgencyOffices.Where(a => offices.Contains(a.OfficeId)).Select(a => a.AgencyId).Distinct().ToListAsync(ct);
        return all with { Offices = [], Agencies = all.Agencies.Where(a => a.IsActive && working.Contains(a.Id)).ToList() };
    }
}
