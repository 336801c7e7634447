using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Panels;
using Workflows.Time;

namespace Workflows.Panels;

/// The officer changes a scheduled meeting's time or place: every member gets the updated invitation.
public sealed class MoveMeetingHandler(MeetingChanges changes, BusinessClock clock)
{
    public Task<Result<long>> HandleAsync(Actor actor, long meetingId, int version, DateTime startsAtLondon, MeetingPlace place, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, meetingId, version, "change a panel meeting", (meeting, errors) =>
        {
            if (meeting.Status != MeetingStatus.Scheduled)
            {
                errors.Add(new Error("Only a scheduled meeting can be changed: reload the page."));
                return null;
            }

            place.Check(errors);
            var starts = London.ToUtc(startsAtLondon);
            if (starts is null)
            {
                errors.Add(new Error("That time does not exist in London (the clocks go forward then): choose another time.", "StartsAt"));
                return null;
            }

            if (MeetingPoll.CheckStart(starts.Value, clock.UtcNow) is { } passed)
            {
                errors.Add(passed);
            }

            if (starts == meeting.StartsAtUtc && !place.DiffersFrom(meeting))
            {
                errors.Add(new Error("Nothing has changed: change the time or the place, or leave the meeting as it is.", "StartsAt"));
                return null;
            }

            meeting.StartsAtUtc = starts;
            place.ApplyTo(meeting);
            meeting.Sequence++;
            return "time or place changed";
        }, ct);
}
