using Domain.Access;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.Panels;

public sealed record PanelMemberRow(int ParticipantId, string UserId, string Name, string Email, PanelRole Role, string? Agency);

/// The members of a review's panel, active ones only.
public static class PanelMembersQuery
{
    public static async Task<List<PanelMemberRow>> ActiveAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        await (from p in db.ReviewParticipants.PanelMembers(reviewId)
               join s in db.PanelSeats on p.Id equals s.ParticipantId
               join u in db.Users on p.UserId equals u.Id
               orderby s.Role, u.DisplayName
               select new PanelMemberRow(p.Id, p.UserId, u.DisplayName, u.Email ?? string.Empty, s.Role,
                   db.Organisations.Where(o => o.Id == s.AgencyId).Select(o => o.Name).FirstOrDefault()))
            .AsNoTracking().ToListAsync(ct);
}
