using Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Portal.Testing;

/// Organisations a test owns, so that what it counts is its own.
public static class TestOrganisations
{
    /// A new CSP served by the LR office, with a unique name starting with the prefix.
    public static async Task<(int Id, string Name)> NewLrCspAsync(this PortalFactory portal, string prefix)
    {
        var name = $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 11)];
        var id = await portal.WithDbAsync(async db =>
        {
            var office = await db.Organisations.SingleAsync(o => o.Code == "LR");
            var csp = new Organisation { Name = name, Kind = OrganisationKind.Csp, ServingOfficeId = office.Id };
            db.Organisations.Add(csp);
            await db.SaveChangesAsync();
            return csp.Id;
        });
        return (id, name);
    }
}
