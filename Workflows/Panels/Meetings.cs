using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

/// The proposal of a meeting: a title and the dates and times (London wall clock) members choose from.
public sealed record ProposeMeeting(string? Title, IReadOnlyList<DateTime> StartsAtLondon, int DurationMinutes = 120);

/// Where a scheduled meeting happens: a location, an online link, or both.
public sealed record MeetingPlace(string? Location, string? OnlineLink);

/// The officer proposes dates: a poll opens for the panel's members.
public sealed class ProposeMeetingHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<long>> HandleAsync(Actor actor, int reviewId, ProposeMeeting request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "propose a panel meeting", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var errors = new List<Error>();
        var title = request.Title?.Trim() ?? string.Empty;
        if (title.Length == 0 || title.Length > PanelMeeting.TitleMaxLength)
        {
            errors.Add(new Error($"Give the meeting a title of up to {PanelMeeting.TitleMaxLength} characters, e.g. \"Panel meeting 1\" (no names).", "Title"));
        }

        if (request.DurationMinutes is < 15 or > 480)
        {
            errors.Add(new Error("A meeting lasts between 15 minutes and 8 hours.", "Duration"));
        }

        var utc = new List<DateTime>();
        foreach (var local in request.StartsAtLondon)
        {
            if (MeetingTimes.ToUtc(local) is { } u)
            {
                utc.Add(u);
            }
            else
            {
                errors.Add(new Error("One of the times does not exist in London (the clocks go forward then): choose another time.", "Options"));
            }
        }

        errors.AddRange(MeetingPoll.CheckProposedTimes(utc, clock.UtcNow));
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var meeting = new PanelMeeting
        {
            ReviewId = reviewId,
            Title = title,
            Status = MeetingStatus.Polling,
            DurationMinutes = request.DurationMinutes,
            CreatedAtUtc = clock.UtcNow,
            CreatedByUserId = actor.UserId,
            Options = utc.Order().Select(t => new MeetingOption { StartsAtUtc = t }).ToList(),
        };
        db.PanelMeetings.Add(meeting);
        audit.Add(db, actor, AuditAction.Created, "PanelMeeting", null, reviewId, access.Value.Reference, $"proposed {utc.Count} dates");
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}

/// A panel member marks their availability for the proposed dates (only while the poll is open).
public sealed class RespondToPollHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<long>> HandleAsync(Actor actor, long meetingId, IReadOnlyDictionary<long, Availability> answers, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.PanelMeetings.Include(m => m.Options).ThenInclude(o => o.Responses).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var reviewId = meeting?.ReviewId ?? 0;
        var access = await PanelAccess.LoadAsync(db, actor, reviewId, ct);
        if (meeting is null || access is not { IsMember: true })
        {
            await audit.RefusedAsync(db, actor, "PanelMeeting", meetingId.ToString(), meeting?.ReviewId, "answer a meeting poll", ct);
            return new AccessRefused("this meeting's poll");
        }

        if (meeting.Status != MeetingStatus.Polling)
        {
            return new Error("The date of this meeting has been chosen already: the poll is closed. Reload the page to see the meeting.");
        }

        if (answers.Keys.Any(k => meeting.Options.All(o => o.Id != k)))
        {
            return new Conflict("This meeting's proposed dates");
        }

        foreach (var (optionId, availability) in answers)
        {
            var option = meeting.Options.Single(o => o.Id == optionId);
            var mine = option.Responses.SingleOrDefault(r => r.UserId == actor.UserId);
            if (mine is null)
            {
                option.Responses.Add(new MeetingResponse { OptionId = optionId, UserId = actor.UserId, Availability = availability, AtUtc = clock.UtcNow });
            }
            else
            {
                mine.Availability = availability;
                mine.AtUtc = clock.UtcNow;
            }
        }

        audit.Add(db, actor, AuditAction.Changed, "PanelMeeting", meetingId.ToString(), reviewId, access.Reference, "availability marked");
        await db.SaveChangesAsync(ct);
        return meetingId;
    }
}

/// Schedules, moves and cancels a meeting, sending every active member the calendar email (REQUEST with the same UID
/// and SEQUENCE+1 for a change; CANCEL for a cancellation) through the outbox in the same transaction.
public sealed class MeetingScheduleHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock, MeetingInvitations invitations)
{
    public Task<Result<long>> ScheduleAsync(Actor actor, long meetingId, int version, long optionId, MeetingPlace place, CancellationToken ct = default) =>
        ChangeAsync(actor, meetingId, version, "schedule a panel meeting", (meeting, errors) =>
        {
            if (meeting.Status != MeetingStatus.Polling)
            {
                errors.Add(new Error("This meeting has been scheduled or cancelled already: reload the page."));
                return null;
            }

            var option = meeting.Options.SingleOrDefault(o => o.Id == optionId);
            if (option is null)
            {
                errors.Add(new Error("Choose one of the proposed dates.", "Option"));
                return null;
            }

            CheckPlace(place, errors);
            if (MeetingPoll.CheckStart(option.StartsAtUtc, clock.UtcNow, "Option") is { } passed)
            {
                errors.Add(passed);
            }

            meeting.Status = MeetingStatus.Scheduled;
            meeting.ChosenOptionId = option.Id;
            meeting.StartsAtUtc = option.StartsAtUtc;
            meeting.Sequence = 0;
            SetPlace(meeting, place);
            return "scheduled";
        }, ct);

    public Task<Result<long>> MoveAsync(Actor actor, long meetingId, int version, DateTime startsAtLondon, MeetingPlace place, CancellationToken ct = default) =>
        ChangeAsync(actor, meetingId, version, "change a panel meeting", (meeting, errors) =>
        {
            if (meeting.Status != MeetingStatus.Scheduled)
            {
                errors.Add(new Error("Only a scheduled meeting can be changed: reload the page."));
                return null;
            }

            CheckPlace(place, errors);
            var starts = MeetingTimes.ToUtc(startsAtLondon);
            if (starts is null)
            {
                errors.Add(new Error("That time does not exist in London (the clocks go forward then): choose another time.", "StartsAt"));
                return null;
            }

            if (MeetingPoll.CheckStart(starts.Value, clock.UtcNow) is { } passed)
            {
                errors.Add(passed);
            }

            var changed = starts != meeting.StartsAtUtc || Trim(place.Location) != meeting.Location || Trim(place.OnlineLink) != meeting.OnlineLink;
            if (!changed)
            {
                errors.Add(new Error("Nothing has changed: change the time or the place, or leave the meeting as it is.", "StartsAt"));
                return null;
            }

            meeting.StartsAtUtc = starts;
            SetPlace(meeting, place);
            meeting.Sequence++;
            return "time or place changed";
        }, ct);

    public Task<Result<long>> CancelAsync(Actor actor, long meetingId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, meetingId, version, "cancel a panel meeting", (meeting, errors) =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                errors.Add(new Error("This meeting has been cancelled already."));
                return null;
            }

            var wasScheduled = meeting.Status == MeetingStatus.Scheduled;
            meeting.Status = MeetingStatus.Cancelled;
            if (wasScheduled)
            {
                meeting.Sequence++;
            }

            return wasScheduled ? "cancelled" : "cancelled before a date was chosen";
        }, ct);

    private async Task<Result<long>> ChangeAsync(Actor actor, long meetingId, int version, string what,
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

    private static void CheckPlace(MeetingPlace place, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(place.Location) && string.IsNullOrWhiteSpace(place.OnlineLink))
        {
            errors.Add(new Error("Say where the meeting is: a location, an online link, or both.", "Location"));
        }

        if (Trim(place.Location)?.Length > PanelMeeting.PlaceMaxLength)
        {
            errors.Add(new Error($"The location can be up to {PanelMeeting.PlaceMaxLength} characters.", "Location"));
        }

        if (Trim(place.OnlineLink) is { } link && (link.Length > PanelMeeting.PlaceMaxLength
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new Error("The online link must be a full https:// address, e.g. https://meet.example.org/panel.", "OnlineLink"));
        }
    }

    private static void SetPlace(PanelMeeting meeting, MeetingPlace place)
    {
        meeting.Location = Trim(place.Location);
        meeting.OnlineLink = Trim(place.OnlineLink);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// After the meeting: who attended, the notes, and the actions agreed.
public sealed class MeetingRecordHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<long>> SaveAttendanceAsync(Actor actor, long meetingId, IReadOnlyCollection<string> attendedUserIds, string? notes,
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

    public async Task<Result<long>> AddActionAsync(Actor actor, long meetingId, string? text, string? owner, DateOnly? due, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.PanelMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, meeting?.ReviewId ?? 0, manage: true, "add a meeting action", ct);
        if (!access.IsSuccess || meeting is null)
        {
            return access.Error ?? new NotFound("The meeting");
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MeetingAction.TextMaxLength)
        {
            errors.Add(new Error($"Describe the action in up to {MeetingAction.TextMaxLength} characters.", "ActionText"));
        }

        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > MeetingAction.OwnerMaxLength)
        {
            errors.Add(new Error("Say who owns the action (an agency or role, no case names).", "ActionOwner"));
        }

        if (due is null)
        {
            errors.Add(new Error("Give the action a due date.", "ActionDue"));
        }
        else if (due < clock.Today)
        {
            errors.Add(new Error("The due date has already passed: choose today or a later date.", "ActionDue"));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var action = new MeetingAction { MeetingId = meetingId, Text = text!.Trim(), Owner = owner!.Trim(), DueDate = due!.Value, CreatedAtUtc = clock.UtcNow };
        db.MeetingActions.Add(action);
        audit.Add(db, actor, AuditAction.Created, "PanelAction", meetingId.ToString(), meeting.ReviewId, access.Value.Reference, "meeting action added");
        await db.SaveChangesAsync(ct);
        return action.Id;
    }
}

public static class MeetingTimes
{
    /// A London wall-clock time as UTC, or null for a time skipped when the clocks go forward.
    public static DateTime? ToUtc(DateTime london)
    {
        var local = DateTime.SpecifyKind(london, DateTimeKind.Unspecified);
        return London.Zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
    }
}
