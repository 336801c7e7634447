using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

/// Adds a person to a review's panel (lead-office officers and managers). An agency representative sits for their
/// agency; the chair must be the review's appointed chair/author. A member added after a meeting was scheduled gets
/// its invitation too.
public sealed class AddPanelMemberHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock, MeetingInvitations invitations)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int reviewId, string? userId, PanelRole role, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "add a panel member", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var access = checkedAccess.Value;
        var user = string.IsNullOrEmpty(userId) ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return new ValidationFailed([new Error("Choose the person to add to the panel.", "Person")]);
        }

        var member = await ActorLoaderFor(db, user.Id, ct);
        // An agency contact sits for an agency that works with the lead office, and for no other.
        var agencyId = await AgencyContacts.ForOffice(db, access.LeadOfficeId).Where(c => c.UserId == user.Id).Select(c => (int?)c.AgencyId).MinAsync(ct);
        switch (role)
        {
            case PanelRole.AgencyRepresentative when agencyId is null:
                return new ValidationFailed([new Error("An agency representative must be an agency contact of an agency that works with this review's office: choose another person or the role 'Specialist'.", "Role")]);
            case PanelRole.AgencyRepresentative:
                break;
            case PanelRole.Specialist when member.Is(Role.AgencyContact) && agencyId is null && !member.Is(Role.IndependentAuthor):
                return new ValidationFailed([new Error("This agency contact's agency does not work with this review's office: choose someone from the list.", "Person")]);
            case PanelRole.Chair when !await db.ReviewParticipants.ChairAuthors(reviewId).AnyAsync(p => p.UserId == user.Id, ct):
                return new ValidationFailed([new Error("Only the chair/author appointed to this review can be its panel chair.", "Role")]);
            case PanelRole.Specialist when !member.Is(Role.AgencyContact) && !member.Is(Role.IndependentAuthor):
                return new ValidationFailed([new Error("A specialist needs an agency contact or independent author account: invite them first.", "Person")]);
        }

        if (await PanelAccess.IsMemberAsync(db, user.Id, reviewId, ct))
        {
            return new ValidationFailed([new Error("This person is already on the panel.", "Person")]);
        }

        var participant = new ReviewParticipant { ReviewId = reviewId, UserId = user.Id, Kind = ParticipantKind.PanelMember, GrantedAtUtc = clock.UtcNow };
        db.ReviewParticipants.Add(participant);
        db.PanelSeats.Add(new PanelSeat { Participant = participant, ReviewId = reviewId, Role = role, AgencyId = role == PanelRole.AgencyRepresentative ? agencyId : null });
        audit.Add(db, actor, AuditAction.Created, "PanelMember", user.Id, reviewId, access.Reference, $"added as {PanelNames.Describe(role)}");

        var upcoming = await db.PanelMeetings.Where(m => m.ReviewId == reviewId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > clock.UtcNow)
            .ToListAsync(ct);
        foreach (var meeting in upcoming)
        {
            await invitations.QueueAsync(db, access, meeting, [new Invitee(user.Id, user.Email!)], ct);
        }

        await db.SaveChangesAsync(ct);
        return participant.Id;
    }

    private static Task<Actor> ActorLoaderFor(IReviewDb db, string userId, CancellationToken ct) => Access.ActorLoader.LoadAsync(db, userId, ct);
}
