using Domain;
using Domain.Access;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

public sealed class AdminLookups(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<AdminChoices>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Organisation", null, "list organisations to choose from", ct) is { } refused)
        {
            return refused;
        }

        return await OrganisationChoices.LoadAsync(db, ct);
    }
}
