using Domain;
using Domain.Access;
using Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Accounts;

/// One officer's request for an agency contact, as the administrator decides it: who, for which agency, which offices the
/// contact would belong to (those that work with the agency), who asked and when.
public sealed record AgencyContactRequestRow(long Id, string DisplayName, string Email, string Agency, IReadOnlyList<string> Offices,
    string AskedBy, DateTime AskedAtUtc, AgencyContactRequestStatus Status, string? DecidedBy, DateTime? DecidedAtUtc, string? RefusalReason,
    int Version);

public sealed record AgencyContactRequestsView(IReadOnlyList<AgencyContactRequestRow> Waiting, IReadOnlyList<AgencyContactRequestRow> RecentlyDecided);

/// The administrators' page of agency contacts waiting for approval (and the last few decided), administrators only.
public sealed class AgencyContactRequestsQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public const int RecentCount = 10;

    public async Task<Result<AgencyContactRequestsView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "AgencyContactRequest", null, "list agency contacts waiting for approval", ct) is { } refused)
        {
            return refused;
        }

        var waiting = await RowsAsync(db, db.AgencyContactRequests.Where(r => r.Status == AgencyContactRequestStatus.Pending)
            .OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id), ct);
        var decided = await RowsAsync(db, db.AgencyContactRequests.Where(r => r.Status != AgencyContactRequestStatus.Pending)
            .OrderByDescending(r => r.DecidedAtUtc).ThenByDescending(r => r.Id).Take(RecentCount), ct);
        // Ordered again here: a join after the ordering does not keep it on every provider.
        return new AgencyContactRequestsView(waiting.OrderBy(r => r.AskedAtUtc).ThenBy(r => r.Id).ToList(),
            decided.OrderByDescending(r => r.DecidedAtUtc).ThenByDescending(r => r.Id).ToList());
    }

    private static async Task<List<AgencyContactRequestRow>> RowsAsync(IReviewDb db, IQueryable<AgencyContactRequest> requests, CancellationToken ct)
    {
        var rows = await (from r in requests.AsNoTracking()
                          join a in db.Organisations on r.AgencyId equals a.Id
                          select new
                          {
                              r.Id, r.DisplayName, r.Email, Agency = a.Name, r.AgencyId, r.RequestedAtUtc, r.Status, r.DecidedAtUtc, r.RefusalReason, r.Version,
                              AskedBy = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Email).FirstOrDefault(),
                              DecidedBy = db.Users.Where(u => u.Id == r.DecidedByUserId).Select(u => u.Email).FirstOrDefault(),
                          }).ToListAsync(ct);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var offices = (await (from ao in db.AgencyOffices
                              join o in db.Organisations on ao.OfficeId equals o.Id
                              where agencyIds.Contains(ao.AgencyId)
                              orderby o.Name
                              select new { ao.AgencyId, o.Name }).ToListAsync(ct)).ToLookup(x => x.AgencyId, x => x.Name);
        return rows.Select(r => new AgencyContactRequestRow(r.Id, r.DisplayName, r.Email, r.Agency, offices[r.AgencyId].ToList(),
            r.AskedBy ?? "(account removed)", r.RequestedAtUtc, r.Status, r.DecidedBy, r.DecidedAtUtc, r.RefusalReason, r.Version)).ToList();
    }
}

/// Where administrators decide (the link in their email).
public static class AgencyContactRequests
{
    public const string PagePath = "admin/approvals";
}
