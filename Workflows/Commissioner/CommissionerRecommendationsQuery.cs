using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Commissioner;

public sealed record CommissionerRecommendationView(int Id, int OfficeId, string Report, DateOnly MadeOn, int AddresseeId, string Addressee, string Text,
    DateOnly ResponseDue, DateOnly? RespondedOn, string? ResponseSummary, bool IsOverdue, int Version);

/// A body a recommendation may be addressed to: an agency the office works with or a CSP it serves.
public sealed record AddresseeOption(int Id, int OfficeId, string Name, bool IsCsp);

public sealed record OfficeOption(int Id, string Name);

public sealed record CommissionerRecommendationsView(IReadOnlyList<CommissionerRecommendationView> Recommendations, IReadOnlyList<OfficeOption> Offices,
    IReadOnlyList<AddresseeOption> Addressees, DateOnly Today);

/// Who keeps the Commissioner's recommendations: the review officers and managers of the office, for that office only.
/// Everyone else is refused and the refusal audited.
public static class CommissionerAccess
{
    public const string Subject = "CommissionerRecommendation";

    public static bool Keeps(Actor actor, int officeId) => actor.IsOfficeStaff && actor.OfficeIds.Contains(officeId);

    /// The agencies each office works with and the CSPs it serves, active ones only.
    public static async Task<List<AddresseeOption>> AddresseesAsync(IReviewDb db, IReadOnlyCollection<int> officeIds, CancellationToken ct)
    {
        var agencies = await (from ao in db.AgencyOffices.AsNoTracking()
                              join o in db.Organisations on ao.AgencyId equals o.Id
                              where officeIds.Contains(ao.OfficeId) && o.IsActive && o.Kind == OrganisationKind.Agency
                              select new AddresseeOption(o.Id, ao.OfficeId, o.Name, false)).ToListAsync(ct);
        var csps = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Csp && o.IsActive && o.ServingOfficeId != null && officeIds.Contains(o.ServingOfficeId.Value))
            .Select(o => new AddresseeOption(o.Id, o.ServingOfficeId!.Value, o.Name, true)).ToListAsync(ct);
        return csps.OrderBy(o => o.Name).Concat(agencies.OrderBy(o => o.Name)).ToList();
    }
}

/// The Commissioner's recommendations of the actor's offices, most urgent first (open ones by response date, then those
/// answered), with the bodies they may be addressed to.
public sealed class CommissionerRecommendationsQuery(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<CommissionerRecommendationsView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff || actor.OfficeIds.Count == 0)
        {
            await audit.RefusedAsync(db, actor, CommissionerAccess.Subject, null, null, "view the Commissioner's recommendations", ct);
            return new AccessRefused("the Commissioner's recommendations");
        }

        var offices = actor.OfficeIds.ToList();
        var today = clock.Today;
        var rows = await (from r in db.CommissionerRecommendations.AsNoTracking()
                          where offices.Contains(r.OfficeId)
                          join o in db.Organisations on r.AddresseeId equals o.Id
                          select new { Row = r, Addressee = o.Name }).ToListAsync(ct);
        var list = rows.Select(x => new CommissionerRecommendationView(x.Row.Id, x.Row.OfficeId, x.Row.Report, x.Row.MadeOn, x.Row.AddresseeId, x.Addressee,
                x.Row.Text, x.Row.ResponseDue, x.Row.RespondedOn, x.Row.ResponseSummary, x.Row.IsOverdue(today), x.Row.Version))
            .OrderBy(r => r.RespondedOn is not null).ThenBy(r => r.ResponseDue).ThenBy(r => r.Id).ToList();
        var officeNames = await db.Organisations.AsNoTracking().Where(o => offices.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OfficeOption(o.Id, o.Name)).ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Viewed, CommissionerAccess.Subject, detail: "the Commissioner's recommendations");
        await db.SaveChangesAsync(ct);
        return new CommissionerRecommendationsView(list, officeNames, await CommissionerAccess.AddresseesAsync(db, offices, ct), today);
    }
}
