using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

/// After the meeting: who of the panel attended, and the notes.
public sealed class RecordAttendanceHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, long meetingId, IReadOnlyCollection<string> attendedUserIds, string? notes,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.PanelMeetings.Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, meeting?.ReviewId ?? 0, manage: true, "record a panel meeting", ct);
        if (!access.IsSuccess || meeting is null)
        {
            return access.Error ?? new NotFound("The meeting");
        }

        if (meeting.Status != MeetingStatus.Scheduled)
        {
            return new ValidationFailed([new Error("Attendance and notes are recorded for a scheduled meeting.", "Notes")]);
        }

        if (notes?.Trim().Length > PanelMeeting.NotesMaxLength)
        {
            return new ValidationFailed([new Error($"Notes can be up to {PanelMeeting.NotesMaxLength} characters: shorten them.", "Notes")]);
        }

        var members = (await PanelMembersQuery.ActiveAsync(db, meeting.ReviewId, ct)).Select(m => m.UserId).ToList();
        foreach (var userId in members.Union(meeting.Attendance.Select(a => a.UserId)).ToList())
        {
            var row = meeting.Attendance.SingleOrDefault(a => a.UserId == userId);
            if (row is null)
            {
                meeting.Attendance.Add(row = new MeetingAttendance { MeetingId = meetingId, UserId = userId });
            }

            row.Attended = attendedUserIds.Contains(userId);
        }

        meeting.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        meeting.Version++;
        audit.Add(db, actor, AuditAction.Changed, "PanelMeeting", meetingId.ToString(), meeting.ReviewId, access.Value.Reference, "attendance and notes recorded");
        await db.SaveChangesAsync(ct);
        return meetingId;
    }
}
