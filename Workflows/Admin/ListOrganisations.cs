using Domain;
using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

public sealed record OrganisationFilter(OrganisationKind? Kind = null, string? Search = null, bool? IsActive = null);

/// WorkingOffices: for an agency, the review offices that work with it (id and name).
public sealed record OrganisationRow(int Id, string Name, OrganisationKind Kind, string? Code, int? ServingOfficeId, string? ServingOffice,
    int MemberCount, int ServedCspCount, bool IsActive, int Version, string? EscalationEmail = null, bool SharesWithAgencyTeams = false,
    IReadOnlyList<OrganisationChoice>? WorkingOffices = null);

public static class OrganisationKinds
{
    public static string Describe(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Csp => "CSP",
        OrganisationKind.ReviewOffice => "Review office",
        OrganisationKind.Agency => "Agency",
        _ => kind.ToString(),
    };

    /// For use mid-sentence: "a CSP", "a review office", "an agency".
    public static string WithArticle(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Csp => "a CSP",
        OrganisationKind.ReviewOffice => "a review office",
        OrganisationKind.Agency => "an agency",
        _ => kind.ToString(),
    };
}

/// The organisations list for administrators, filtered, sorted and paged in the database.
public sealed class ListOrganisationsQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<OrganisationRow>>> HandleAsync(Actor actor, OrganisationFilter filter, PageRequest page,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Organisation", null, "list organisations", ct) is { } refused)
        {
            return refused;
        }

        var q = db.Organisations.AsNoTracking();
        if (filter.Kind is OrganisationKind kind)
        {
            q = q.Where(o => o.Kind == kind);
        }

        if (filter.IsActive is bool active)
        {
            q = q.Where(o => o.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower-cased on both sides so that SQLite and PostgreSQL agree.
            var term = filter.Search.Trim().ToLowerInvariant();
            q = q.Where(o => o.Name.ToLower().Contains(term) || (o.Code != null && o.Code.ToLower() == term));
        }

        var total = await q.CountAsync(ct);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(OrganisationRow.Kind), false) => q.OrderBy(o => o.Kind).ThenBy(o => o.Name),
            (nameof(OrganisationRow.Kind), true) => q.OrderByDescending(o => o.Kind).ThenBy(o => o.Name),
            (nameof(OrganisationRow.Code), false) => q.OrderBy(o => o.Code).ThenBy(o => o.Name),
            (nameof(OrganisationRow.Code), true) => q.OrderByDescending(o => o.Code).ThenBy(o => o.Name),
            (nameof(OrganisationRow.ServingOffice), false) => q.OrderBy(o => o.ServingOffice!.Name).ThenBy(o => o.Name),
            (nameof(OrganisationRow.ServingOffice), true) => q.OrderByDescending(o => o.ServingOffice!.Name).ThenBy(o => o.Name),
            (nameof(OrganisationRow.IsActive), false) => q.OrderBy(o => o.IsActive).ThenBy(o => o.Name),
            (nameof(OrganisationRow.IsActive), true) => q.OrderByDescending(o => o.IsActive).ThenBy(o => o.Name),
            (_, true) => q.OrderByDescending(o => o.Name),
            _ => q.OrderBy(o => o.Name),
        };
        var items = await ordered.ThenBy(o => o.Id).Skip(page.Skip).Take(page.Size)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.Code, o.ServingOfficeId, o.ServingOffice == null ? null : o.ServingOffice.Name,
                db.Memberships.Count(m => m.OrganisationId == o.Id),
                db.Organisations.Count(c => c.ServingOfficeId == o.Id && c.IsActive),
                o.IsActive, o.Version, o.EscalationEmail, o.SharesWithAgencyTeams, null))
            .ToListAsync(ct);
        var ids = items.Where(i => i.Kind == OrganisationKind.Agency).Select(i => i.Id).ToList();
        var working = (await (from a in db.AgencyOffices
                              join o in db.Organisations on a.OfficeId equals o.Id
                              where ids.Contains(a.AgencyId)
                              orderby o.Name
                              select new { a.AgencyId, Office = new OrganisationChoice(o.Id, o.Name, o.IsActive) }).ToListAsync(ct))
            .ToLookup(x => x.AgencyId, x => x.Office);
        return new PagedResult<OrganisationRow>(
            items.Select(i => i.Kind == OrganisationKind.Agency ? i with { WorkingOffices = working[i.Id].ToList() } : i).ToList(), total);
    }
}
