using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// Organisations are deactivated, never deleted: reviews, memberships and the audit trail keep pointing at them.
/// Members of an inactive office or agency lose the access it gave them on their next request (ActorLoader).
public sealed class SetOrganisationActiveHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<SavedOrganisation>> HandleAsync(Actor actor, int id, int version, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var attempted = active ? "reactivate an organisation" : "deactivate an organisation";
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Organisation", id.ToString(), attempted, ct) is { } refused)
        {
            return refused;
        }

        var (org, stale) = await SaveOrganisationHandler.LoadAtVersionAsync(db, id, version, ct);
        if (org is null)
        {
            return stale!;
        }

        if (org.IsActive != active)
        {
            org.IsActive = active;
            org.Version++;
            audit.Add(db, actor, AuditAction.Changed, "Organisation", org.Id.ToString(), detail: active ? "Reactivated" : "Deactivated");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Conflict("This organisation");
            }
        }

        return new SavedOrganisation(org.Id, org.Name, org.Version);
    }
}
