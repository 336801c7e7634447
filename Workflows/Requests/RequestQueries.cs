using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Documents;
using Domain.Organisations;
using Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Requests;

public sealed record RequestRow(long Id, int ReviewId, string Reference, string CaseLabel, RequestType Type, string Agency, DateOnly DueDate,
    RequestStatus Status, bool IsOverdue, int? LatestVersion);

public sealed record ReturnVersion(long VersionId, int Number, long SizeBytes, DateTime UploadedAtUtc);

public sealed record RequestDetails(RequestRow Row, string ContactName, DateTime SentAtUtc, string? ReturnNote, DateTime? ReturnedAtUtc,
    string? MoreInformationReason, DateTime? AcceptedAtUtc, IReadOnlyList<ReturnVersion> Versions, bool IsLeadOffice, bool IsAgencyContact,
    int Version)
{
    public bool CanReturn => IsAgencyContact && Row.Status is RequestStatus.Sent or RequestStatus.MoreInformationRequested;

    public bool CanDecide => IsLeadOffice && Row.Status == RequestStatus.Returned;
}

/// An agency contact a request can be addressed to, as the officer's picker shows it.
public sealed record ContactChoice(string UserId, string Name, int AgencyId, string Agency)
{
    /// Active accounts with the AgencyContact role and a membership of an active agency (of those ids, when given:
    /// the filter comes before the projection, which EF cannot filter on).
    public static IQueryable<ContactChoice> Active(IReviewDb db, IReadOnlyCollection<string>? ids = null)
    {
        var role = Roles.AgencyContact;
        var users = ids is null ? db.Users : db.Users.Where(u => ids.Contains(u.Id));
        return from u in users
               join m in db.Memberships on u.Id equals m.UserId
               join o in db.Organisations on m.OrganisationId equals o.Id
               where !u.IsDisabled && o.Kind == OrganisationKind.Agency && o.IsActive
                   && (from ur in db.UserRoles join ro in db.Roles on ur.RoleId equals ro.Id where ur.UserId == u.Id && ro.Name == role select ur).Any()
               select new ContactChoice(u.Id, u.DisplayName, o.Id, o.Name);
    }
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

    /// The requests addressed to the actor's agencies (an agency contact's own view); empty for everyone else.
    public async Task<IReadOnlyList<RequestRow>> ForMyAgencyAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Is(Role.AgencyContact) || actor.AgencyIds.Count == 0)
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        var agencies = actor.AgencyIds.ToList();
        return await RowsAsync(db, db.InformationRequests.Where(r => agencies.Contains(r.AgencyId)), ct);
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
            versions, context.IsLeadOffice, context.IsAgencyContact, r.Version);
    }

    /// Active agency contacts of active agencies, for the officer's picker (only lead office staff get any).
    public async Task<IReadOnlyList<ContactChoice>> ContactChoicesAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateAsync(ct);
        var leadOffice = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => (int?)r.LeadOfficeId).SingleOrDefaultAsync(ct);
        if (leadOffice is not int office || !RequestContext.IsLeadOfficeStaff(actor, office))
        {
            return [];
        }

        var rows = await ContactChoice.Active(db).ToListAsync(ct);
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
                r.DueDate < today && r.Status is RequestStatus.Sent or RequestStatus.MoreInformationRequested, r.Latest))
            .OrderBy(r => r.Status == RequestStatus.Accepted).ThenBy(r => r.DueDate).ThenBy(r => r.Id).ToList();
    }
}
