using Domain;
using Domain.Access;
using Domain.Panels;

namespace Workflows.Panels;

/// The officer cancels a meeting, polling or scheduled: members of a scheduled one get the cancellation.
public sealed class CancelMeetingHandler(MeetingChanges changes)
{
    public Task<Result<long>> HandleAsync(Actor actor, long meetingId, int version, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, meetingId, version, "cancel a panel meeting", (meeting, errors) =>
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
}
