using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Accounts;

public sealed record OrganisationChoice(int Id, string Name, bool IsActive);

/// Review offices (for memberships and for the office serving a CSP) and agencies (for memberships).
/// Inactive ones are included so that a form can still show a membership held before the deactivation.
public sealed record AdminChoices(IReadOnlyList<OrganisationChoice> Offices, IReadOnlyList<OrganisationChoice> Agencies);

/// The organisations an account can belong to, for the administrators' forms and for invitations.
public static class OrganisationChoices
{
    public static async Task<AdminChoices> LoadAsync(IReviewDb db, CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Csp)
            .OrderBy(o => o.Name).Select(o => new { o.Kind, Choice = new OrganisationChoice(o.Id, o.Name, o.IsActive) })
            .ToListAsync(ct);
        return new AdminChoices(
            orgs.Where(o => o.Kind == OrganisationKind.ReviewOffice).Select(o => o.Choice).ToList(),
            orgs.Where(o => o.Kind == OrganisationKind.Agency).Select(o => o.Choice).ToList());
    }
}
