using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Reports;

/// Who reads which reports (board report, learning): office staff and board members, each for their own review
/// office and the CSPs it serves only. A board member of one office is refused another office's reports (issue 13,
/// finding 5): the reports hold case labels and free-text updates.
public static class ReportAccess
{
    public static bool ReadsReports(Actor actor) => actor.Is(Role.BoardMember) || actor.IsOfficeStaff;

    /// The actor's own office, or a CSP that office serves.
    public static bool Covers(Actor actor, Organisation org) =>
        ReadsReports(actor) && org.Kind switch
        {
            OrganisationKind.ReviewOffice => actor.OfficeIds.Contains(org.Id),
            OrganisationKind.Csp => org.ServingOfficeId is int office && actor.OfficeIds.Contains(office),
            _ => false,
        };

    /// The CSPs served by the actor's offices: the reviews their reports may count are those these CSPs lead or take part in.
    public static async Task<int[]> ServedCspIdsAsync(IReviewDb db, Actor actor, CancellationToken ct)
    {
        var offices = ReadsReports(actor) ? actor.OfficeIds.ToArray() : [];
        return offices.Length == 0
            ? []
            : await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Csp && o.ServingOfficeId != null && offices.Contains(o.ServingOfficeId.Value))
                .Select(o => o.Id).ToArrayAsync(ct);
    }
}
