using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

/// What scheduling, moving and cancelling a meeting share: the lead office's access, the version the page showed, and
/// the calendar email to every active member (REQUEST with the same UID and SEQUENCE+1 for a change; CANCEL for a
/// cancellation) through the outbox, in the same transaction as the change and its audit row.
public sealed class MeetingChanges(IReviewDbFactory dbs, AuditLog audit, MeetingInvitations invitations)
{
    /// change checks the meeting and, if it can, changes it and says in words what it did; otherwise it adds errors
    /// (or returns null).
    public async Task<Result<long>> ApplyAsync(Actor actor, long meetingId, int version, string what,
        Func<PanelMeeting, List<Error>, string?> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.PanelMeetings.Include(m => m.Options).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, meeting?.ReviewId ?? 0, manage: true, what, ct);
        if (!access.IsSuccess || meeting is null)
        {
            return access.Error ?? new NotFound("The meeting");
        }

        if (meeting.Version != version)
        {
            return new Conflict("This meeting");
        }

        var wasScheduled = meeting.Status == MeetingStatus.Scheduled;
        var errors = new List<Error>();
        var done = change(meeting, errors);
        if (errors.Count > 0 || done is null)
        {
            return new ValidationFailed(errors);
        }

        meeting.Version++;
        if (meeting.Status == MeetingStatus.Scheduled || wasScheduled)
        {
            var members = await PanelMembersQuery.ActiveAsync(db, meeting.ReviewId, ct);
            await invitations.QueueAsync(db, access.Value, meeting, members.Select(m => new Invitee(m.UserId, m.Email)), ct);
        }

        audit.Add(db, actor, AuditAction.Changed, "PanelMeeting", meetingId.ToString(), meeting.ReviewId, access.Value.Reference, done);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This meeting");
        }

        return meetingId;
    }
}
