using System.Linq.Expressions;
using Domain.Reviews;

namespace Workflows.Access;

/// The one definition of a participant row that gives access now: not revoked (removing a member or ending an
/// appointment revokes the row, it is never deleted). Expressions, so that EF translates them on SQLite and PostgreSQL
/// alike; use them wherever a query asks "is this person an active panel member / appointed chair/author of this review".
/// Inside a query over reviews use the expression on the navigation: r.Participants.AsQueryable().Where(IsChairAuthor).
public static class ActiveParticipants
{
    public static readonly Expression<Func<ReviewParticipant, bool>> IsActive = p => p.RevokedAtUtc == null;

    public static readonly Expression<Func<ReviewParticipant, bool>> IsPanelMember =
        p => p.Kind == ParticipantKind.PanelMember && p.RevokedAtUtc == null;

    public static readonly Expression<Func<ReviewParticipant, bool>> IsChairAuthor =
        p => p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc == null;

    /// Rows not revoked, of any kind.
    public static IQueryable<ReviewParticipant> Active(this IQueryable<ReviewParticipant> participants) => participants.Where(IsActive);

    /// Active panel members: of every review, or of one.
    public static IQueryable<ReviewParticipant> PanelMembers(this IQueryable<ReviewParticipant> participants, int? reviewId = null) =>
        OfReview(participants.Where(IsPanelMember), reviewId);

    /// Active chair/author appointments: of every review, or of one.
    public static IQueryable<ReviewParticipant> ChairAuthors(this IQueryable<ReviewParticipant> participants, int? reviewId = null) =>
        OfReview(participants.Where(IsChairAuthor), reviewId);

    private static IQueryable<ReviewParticipant> OfReview(IQueryable<ReviewParticipant> participants, int? reviewId) =>
        reviewId is int id ? participants.Where(p => p.ReviewId == id) : participants;
}
