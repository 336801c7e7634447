using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Reviews;
using Workflows.Time;

namespace Workflows.Elsewhere;

public sealed record ElsewhereUpdateView(long Id, DateOnly AsAt, ElsewhereStage Stage, string? Text, DateTime RecordedAtUtc, string By);

/// A review led elsewhere as its page shows it. The contact is for the office's staff only (Contact is null for a
/// board member, who reads the rest as in the board report).
public sealed record ElsewhereView(int Id, ElsewhereDetails Details, string? CspName, string? AgencyName, int Version,
    IReadOnlyList<ElsewhereUpdateView> Updates, bool CanChange)
{
    /// Newest first: the first is where the review stands now.
    public ElsewhereUpdateView? Latest => Updates.Count == 0 ? null : Updates[0];

    public string Title => $"{Details.CaseLabel}, led by {Details.LeadCsp}";
}

/// One line of the register's "Reviews led elsewhere".
public sealed record ElsewhereRow(int Id, string? TheirReference, string CaseLabel, string LeadCsp, string Area, string TakesPart,
    ElsewhereStage? Stage, DateOnly KnownSince);

/// What the form offers: the CSPs the actor's office serves and the agencies.
public sealed record ElsewhereOptions(IReadOnlyList<OrganisationOption> Csps, IReadOnlyList<OrganisationOption> Agencies);

public sealed class ReviewsLedElsewhereQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest, BusinessClock clock)
{
    public async Task<Result<ElsewhereView>> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await ElsewhereAccess.LoadAsync(db, audit, actor, id, write: false, "view a review led elsewhere", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var r = loaded.Value;
        var keeps = ElsewhereAccess.Keeps(actor, r.OfficeId);
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == r.CspId || o.Id == r.AgencyId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var updates = await (from u in db.ElsewhereUpdates.AsNoTracking()
                             where u.RecordId == id
                             join p in db.Users on u.ByUserId equals p.Id into people
                             from p in people.DefaultIfEmpty()
                             orderby u.AsAt descending, u.Id descending
                             select new ElsewhereUpdateView(u.Id, u.AsAt, u.Stage, u.Text, u.RecordedAtUtc, p == null ? "Imported" : p.DisplayName))
            .ToListAsync(ct);
        var details = new ElsewhereDetails(r.Area, r.LeadCsp, r.TheirReference, r.CaseLabel, r.CspId, r.AgencyId,
            keeps ? atRest.Unprotect(AtRest.ElsewhereContactName, r.ContactName) : null,
            keeps ? atRest.Unprotect(AtRest.ElsewhereContactEmail, r.ContactEmail) : null,
            keeps ? atRest.Unprotect(AtRest.ElsewhereContactPhone, r.ContactPhone) : null,
            r.KnownSince);
        audit.Add(db, actor, AuditAction.Viewed, ElsewhereAccess.Subject, id.ToString(CultureInfo.InvariantCulture),
            detail: keeps ? "review led elsewhere viewed, with its contact" : "review led elsewhere viewed");
        await db.SaveChangesAsync(ct);
        return new ElsewhereView(id, details, r.CspId is int c ? names.GetValueOrDefault(c) : null, r.AgencyId is int a ? names.GetValueOrDefault(a) : null,
            r.Version, updates, keeps);
    }

    /// The register's list: the reviews led elsewhere that the actor's office keeps (none for anyone but its staff),
    /// filtered as the register is (search, a CSP of ours taking part, the year the office heard of it), newest first.
    public async Task<IReadOnlyList<ElsewhereRow>> ListAsync(Actor actor, RegisterFilter filter, CancellationToken ct = default)
    {
        if (!actor.IsOfficeStaff || filter.Type is not null || filter.Stage is not null)
        {
            // The review type and the process stage belong to reviews the portal runs.
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        var offices = actor.OfficeIds.ToArray();
        var records = db.ReviewsLedElsewhere.AsNoTracking().Where(r => offices.Contains(r.OfficeId));
        if (filter.CspId is int csp)
        {
            records = records.Where(r => r.CspId == csp);
        }

        if (filter.Year is int year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            records = records.Where(r => r.KnownSince >= from && r.KnownSince <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = CaseLabels.Normalise(filter.Search);
            records = records.Where(r => r.SearchText.Contains(term));
        }

        var rows = await records.OrderByDescending(r => r.KnownSince).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.TheirReference, r.CaseLabel, r.LeadCsp, r.Area, r.CspId, r.AgencyId, r.KnownSince })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var today = clock.Today;
        var updates = (await db.ElsewhereUpdates.AsNoTracking().Where(u => ids.Contains(u.RecordId)).ToListAsync(ct))
            .ToLookup(u => u.RecordId);
        var orgIds = rows.SelectMany(r => new[] { r.CspId, r.AgencyId }).OfType<int>().Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r => new ElsewhereRow(r.Id, r.TheirReference, r.CaseLabel, r.LeadCsp, r.Area,
                string.Join(", ", new[] { r.CspId, r.AgencyId }.OfType<int>().Select(o => names.GetValueOrDefault(o) ?? "Unknown")),
                LedElsewhereRules.LatestOn(updates[r.Id], today)?.Stage, r.KnownSince))
            .ToList();
    }

    public async Task<ElsewhereOptions> OptionsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var served = scope.ServedCspIds.ToArray();
        var orgs = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive && ((o.Kind == OrganisationKind.Csp && served.Contains(o.Id)) || o.Kind == OrganisationKind.Agency))
            .OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name, o.Kind, o.ServingOfficeId)).ToListAsync(ct);
        return new ElsewhereOptions(orgs.Where(o => o.Kind == OrganisationKind.Csp).ToList(), orgs.Where(o => o.Kind == OrganisationKind.Agency).ToList());
    }
}
