using Domain;
using Domain.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Accounts;

/// What the invite page offers: administrators every office and agency; review officers and managers agencies only.
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
        return actor.Is(Role.Administrator) ? all : all with { Offices = [] };
    }
}
