using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Documents;
using Domain.Organisations;
using Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Requests;

public sealed record RequestRow(long Id, int ReviewId, string Reference, string CaseLabel, RequestType Type, string Agency, DateOnly DueDate,
    RequestStatus Status, bool IsOverdue, int? LatestVersion);

public sealed record ReturnVersion(long VersionId, int Number, long SizeBytes, DateTime UploadedAtUtc);

public sealed record RequestDetails(RequestRow Row, string ContactName, DateTime SentAtUtc, string? ReturnNote, DateTime? ReturnedAtUtc,
    string? MoreInformationReason, DateTime? AcceptedAtUtc, IReadOnlyList<ReturnVersion> Versions, bool IsLeadOffice, bool IsAgencyContact,
    int Version, RequestScope Scope)
{
    public bool CanReturn => IsAgencyContact && Row.Status is RequestStatus.Sent or RequestStatus.MoreInformationRequested;

    public bool CanDecide => IsLeadOffice && Row.Status == RequestStatus.Returned;
}

/// Reads of information requests: a review's requests (lead office), "Requests to my agency" (agency contacts),
/// one request (either), and the contacts to choose from. Refusals are audited.
public sealed class RequestQueries(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<RequestRow>>> ForReviewAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var leadOffice = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => (int?)r.LeadOfficeId).SingleOrDefaultAsync(ct);
        if (leadOffice is not int office || !RequestContext.IsLeadOfficeStaff(actor, office))
        {
            await audit.RefusedAsync(db, actor, "InformationRequest", null, reviewId, "list a review's information requests", ct);
            return new AccessRefused("this review's information requests");
        }

        return Result<IReadOnlyList<RequestRow>>.Ok(await RowsAsync(db, db.InformationRequests.Where(r => r.ReviewId == reviewId), ct));
    }

    /// The requests an agency contact reaches (AgencyReach): addressed to them, or to their agency by an office that shares
    /// its agency work with the team, from the offices that work with their agency only. Empty for everyone else.
    public async Task<IReadOnlyList<RequestRow>> ForMyAgencyAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Is(Role.AgencyContact))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        return await RowsAsync(db, AgencyReach.Requests(db, actor), ct);
    }

    public async Task<Result<RequestDetails>> GetAsync(Actor actor, long requestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateAsync(ct);
        var context = await RequestContext.LoadAsync(db, actor, requestId, ct);
        if (context is null || !context.CanSee)
        {
            await audit.RefusedAsync(db, actor, "InformationRequest", requestId.ToString(CultureInfo.InvariantCulture), context?.Request.ReviewId,
                "view an information request", ct);
            return new AccessRefused("this information request");
        }

        var r = context.Request;
        var row = (await RowsAsync(db, db.InformationRequests.Where(x => x.Id == requestId), ct)).Single();
        var versions = r.DocumentId is long docId
            ? await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == docId).OrderByDescending(v => v.Number)
                .Select(v => new ReturnVersion(v.Id, v.Number, v.SizeBytes, v.UploadedAtUtc)).ToListAsync(ct)
            : [];
        var contact = await db.Users.AsNoTracking().Where(u => u.Id == r.ContactUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        audit.Add(db, actor, AuditAction.Viewed, "InformationRequest", r.Id.ToString(CultureInfo.InvariantCulture), r.ReviewId, context.Reference);
        await db.SaveChangesAsync(ct);
        return new RequestDetails(row, contact ?? "Unknown", r.SentAtUtc, r.ReturnNote, r.ReturnedAtUtc, r.MoreInformationReason, r.AcceptedAtUtc,
            versions, context.IsLeadOffice, context.IsAgencyContact, r.Version, new RequestScope(r.Needed, r.PeriodFrom, r.PeriodTo, r.TermsOfReference));
    }

    /// The agency contacts the lead office may choose (AgencyContacts.ForOffice), for the officer's picker (only lead office
    /// staff get any).
    public async Task<IReadOnlyList<AgencyContact>> ContactChoicesAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateAsync(ct);
        var leadOffice = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => (int?)r.LeadOfficeId).SingleOrDefaultAsync(ct);
        if (leadOffice is not int office || !RequestContext.IsLeadOfficeStaff(actor, office))
        {
            return [];
        }

        var rows = await AgencyContacts.ForOffice(db, office).ToListAsync(ct);
        return rows.OrderBy(c => c.Agency, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<RequestRow>> RowsAsync(IReviewDb db, IQueryable<InformationRequest> requests, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await (from r in requests.AsNoTracking()
                          join rv in db.Reviews on r.ReviewId equals rv.Id
                          join o in db.Organisations on r.AgencyId equals o.Id
                          select new
                          {
                              r.Id, r.ReviewId, rv.Reference, rv.CaseLabel, r.Type, Agency = o.Name, r.DueDate, r.Status,
                              Latest = db.Documents.Where(d => d.Id == r.DocumentId).Select(d => (int?)d.CurrentVersion).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.Select(r => new RequestRow(r.Id, r.ReviewId, r.Reference, r.CaseLabel, r.Type, r.Agency, r.DueDate, r.Status,
                DueText.IsOverdue(r.DueDate, today) && r.Status is RequestStatus.Sent or RequestStatus.MoreInformationRequested, r.Latest))
            .OrderBy(r => r.Status == RequestStatus.Accepted).ThenBy(r => r.DueDate).ThenBy(r => r.Id).ToList();
    }
}
