using Domain.Access;
using Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Requests;

/// Who may do what with one information request: the lead office's officers and managers (send, accept, ask for more,
/// read returns) and the agency contacts it reaches (Actor.Reaches: see it, upload the return). Nobody else.
public sealed record RequestContext(InformationRequest Request, string Reference, string CaseLabel, int LeadOfficeId, string Agency,
    bool IsLeadOffice, bool IsAgencyContact)
{
    public bool CanSee => IsLeadOffice || IsAgencyContact;

    public static bool IsLeadOfficeStaff(Actor actor, int leadOfficeId) => actor.IsOfficeStaff && actor.OfficeIds.Contains(leadOfficeId);

    /// Tracked (for changes); null when the request does not exist.
    public static async Task<RequestContext?> LoadAsync(IReviewDb db, Actor actor, long requestId, CancellationToken ct)
    {
        var request = await db.InformationRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return null;
        }

        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == request.ReviewId)
            .Select(r => new { r.Reference, r.CaseLabel, r.LeadOfficeId }).SingleAsync(ct);
        var agency = await db.Organisations.AsNoTracking().Where(o => o.Id == request.AgencyId).Select(o => o.Name).SingleAsync(ct);
        return new RequestContext(request, review.Reference, review.CaseLabel, review.LeadOfficeId, agency,
            IsLeadOfficeStaff(actor, review.LeadOfficeId), actor.Reaches(request.AgencyId, review.LeadOfficeId, request.ContactUserId));
    }
}
