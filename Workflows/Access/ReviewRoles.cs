using Domain.Access;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

/// What one actor is to one review, for drafts and the family engagement log: staff of its lead office, its appointed
/// chair/author, a current panel member, the DPO. Read fresh on every call, so a revoked appointment or membership
/// ends access on the next request. Null review: it does not exist.
public sealed record ReviewRoles(int ReviewId, string Reference, string CaseLabel, Stage Stage, int LeadOfficeId, bool LeadOffice, bool Author,
    bool Panel, bool Dpo)
{
    /// Lead office officers and managers, and the appointed chair/author: upload drafts, set deadlines, keep the family log.
    public bool ManagesDrafts => LeadOffice || Author;

    public bool SeesDrafts => LeadOffice || Author || Panel;

    public static async Task<ReviewRoles?> LoadAsync(IReviewDb db, Actor actor, int reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.Stage, r.LeadOfficeId }).SingleOrDefaultAsync(ct);
        if (review is null)
        {
            return null;
        }

        var kinds = string.IsNullOrEmpty(actor.UserId)
            ? []
            : await db.ReviewParticipants.AsNoTracking().Active()
                .Where(p => p.ReviewId == reviewId && p.UserId == actor.UserId)
                .Select(p => p.Kind).ToListAsync(ct);
        return new ReviewRoles(review.Id, review.Reference, review.CaseLabel, review.Stage, review.LeadOfficeId,
            LeadOffice: actor.IsOfficeStaff && actor.OfficeIds.Contains(review.LeadOfficeId),
            Author: actor.Is(Role.IndependentAuthor) && kinds.Contains(ParticipantKind.ChairAuthor),
            Panel: kinds.Contains(ParticipantKind.PanelMember),
            Dpo: actor.Is(Role.DataProtectionOfficer));
    }
}
