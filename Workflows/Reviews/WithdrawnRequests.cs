using Domain;
using Domain.Access;
using Domain.Requests;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reviews;

/// An agency request a close withdrew and nobody has sent again (no later request of the same kind to the agency).
public sealed record WithdrawnRequest(long Id, RequestType Type, string Agency, DateOnly DueDate);

/// The review page's list, after a review is reopened, of the agency requests its close withdrew and that are not sent
/// again yet: reopening does not resend them (ClosingWork), so the lead office's officers see which to send again. For
/// the lead office's staff on an open review; empty otherwise. A reader without access is refused and audited.
public sealed class WithdrawnRequestsQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<WithdrawnRequest>>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "list withdrawn requests", ct);
            return new AccessRefused("this review");
        }

        var open = await db.Reviews.AsNoTracking().AnyAsync(r => r.Id == reviewId && r.Stage != Stage.Closed, ct);
        if (!access.CanChange || !open)
        {
            return Result<IReadOnlyList<WithdrawnRequest>>.Ok([]);
        }

        var rows = await (from r in StillWithdrawn(db, reviewId)
                          join o in db.Organisations on r.AgencyId equals o.Id
                          orderby r.Id
                          select new WithdrawnRequest(r.Id, r.Type, o.Name, r.DueDate)).ToListAsync(ct);
        return Result<IReadOnlyList<WithdrawnRequest>>.Ok(rows);
    }

    /// The review's withdrawn requests with no later request of the same kind to the same agency.
    public static IQueryable<InformationRequest> StillWithdrawn(IReviewDb db, int reviewId) =>
        db.InformationRequests.Where(r => r.ReviewId == reviewId && r.Status == RequestStatus.Withdrawn
                                          && !db.InformationRequests.Any(later => later.ReviewId == reviewId && later.AgencyId == r.AgencyId
                                                                                  && later.Type == r.Type && later.Id > r.Id));
}
