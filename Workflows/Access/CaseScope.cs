using Domain.Access;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

/// What one actor may do with one review.
public sealed record CaseAccess(bool CanRead, bool CanChange, bool CanSeeRestricted)
{
    public static CaseAccess None { get; } = new(false, false, false);
}

/// Need-to-know for case records (DOMAIN.md, "Who uses it"), applied in every query and handler:
/// - officers and managers read the cases whose lead or involved CSP their office serves, and change
///   (and see real names of) only the cases their office leads;
/// - the data protection officer reads every case, real names included, and changes none;
/// - an appointed chair/author reads the case they are appointed to, real names included;
/// - agency contacts, CRG members, board members and administrators read no case record here
///   (their own views - requests, panel pages, agenda papers, reports - check access of their own).
public sealed class CaseScope
{
    private readonly Actor _actor;
    private readonly int[] _servedCspIds;

    private CaseScope(Actor actor, int[] servedCspIds)
    {
        _actor = actor;
        _servedCspIds = servedCspIds;
    }

    public Actor Actor => _actor;

    public static async Task<CaseScope> LoadAsync(IReviewDb db, Actor actor, CancellationToken ct = default)
    {
        var officeIds = actor.IsOfficeStaff ? actor.OfficeIds.ToArray() : [];
        var served = officeIds.Length == 0
            ? []
            : await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Csp && o.ServingOfficeId != null && officeIds.Contains(o.ServingOfficeId.Value))
                .Select(o => o.Id).ToArrayAsync(ct);
        return new CaseScope(actor, served);
    }

    /// The CSPs whose cases this actor's office serves (empty for everyone else).
    public IReadOnlyCollection<int> ServedCspIds => _servedCspIds;

    public IQueryable<Review> Readable(IQueryable<Review> reviews)
    {
        if (_actor.Is(Role.DataProtectionOfficer))
        {
            return reviews;
        }

        var served = _servedCspIds;
        var userId = _actor.UserId;
        var author = _actor.Is(Role.IndependentAuthor);
        return reviews.Where(r =>
            served.Contains(r.LeadCspId)
            || r.InvolvedCsps.Any(c => served.Contains(c.CspId))
            || (author && r.Participants.AsQueryable().Where(ActiveParticipants.IsChairAuthor).Any(p => p.UserId == userId)));
    }

    public async Task<CaseAccess> ForAsync(IReviewDb db, int reviewId, CancellationToken ct = default)
    {
        var review = await Readable(db.Reviews.AsNoTracking()).Where(r => r.Id == reviewId)
            .Select(r => new { r.LeadOfficeId }).SingleOrDefaultAsync(ct);
        if (review is null)
        {
            return CaseAccess.None;
        }

        var leadOffice = _actor.IsOfficeStaff && _actor.OfficeIds.Contains(review.LeadOfficeId);
        var appointed = _actor.Is(Role.IndependentAuthor)
            && await db.ReviewParticipants.ChairAuthors(reviewId).AnyAsync(p => p.UserId == _actor.UserId, ct);
        return new CaseAccess(
            CanRead: true,
            CanChange: leadOffice,
            CanSeeRestricted: leadOffice || appointed || _actor.Is(Role.DataProtectionOfficer));
    }

    /// May this actor register a new review led by the given CSP? Only staff of the office that serves it.
    public bool CanRegisterFor(Organisation leadCsp) =>
        _actor.IsOfficeStaff && leadCsp.ServingOfficeId is int office && _actor.OfficeIds.Contains(office);
}
