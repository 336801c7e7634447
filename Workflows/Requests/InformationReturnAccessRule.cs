using Domain.Access;
using Domain.Documents;
using Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Requests;

/// An information return is read by the lead office's officers and managers and by the agency contacts its request
/// reaches (RequestContext); another agency's or another office's contact, an author or anyone else is refused (and the
/// download handler audits it).
public sealed class InformationReturnAccessRule : Documents.IDocumentAccessRule
{
    public DocumentKind Kind => DocumentKind.InformationReturn;

    public async Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(doc);
        var request = await db.InformationRequests.AsNoTracking().Where(r => r.DocumentId == doc.Id)
            .Select(r => new { r.AgencyId, r.ReviewId, r.ContactUserId }).FirstOrDefaultAsync(ct);
        if (request is null || request.ReviewId != doc.ReviewId)
        {
            return false;
        }

        var leadOffice = await db.Reviews.AsNoTracking().Where(r => r.Id == doc.ReviewId).Select(r => r.LeadOfficeId).SingleAsync(ct);
        return RequestContext.IsLeadOfficeStaff(actor, leadOffice) || actor.Reaches(request.AgencyId, leadOffice, request.ContactUserId);
    }
}
