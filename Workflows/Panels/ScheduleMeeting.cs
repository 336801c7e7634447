using Domain;
using Domain.Access;
using Domain.Panels;
using Workflows.Time;

namespace Workflows.Panels;

/// The officer picks one of the proposed dates and says where: the poll closes and every member is invited.
public sealed class ScheduleMeetingHandler(MeetingChanges changes, BusinessClock clock)
{
    public Task<Result<long>> HandleAsync(Actor actor, long meetingId, int version, long optionId, MeetingPlace place, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, meetingId, version, "schedule a panel meeting", (meeting, errors) =>
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

            place.Check(errors);
            if (MeetingPoll.CheckStart(option.StartsAtUtc, clock.UtcNow, "Option") is { } passed)
            {
                errors.Add(passed);
            }

            meeting.Status = MeetingStatus.Scheduled;
            meeting.ChosenOptionId = option.Id;
            meeting.StartsAtUtc = option.StartsAtUtc;
            meeting.Sequence = 0;
            place.ApplyTo(meeting);
            return "scheduled";
        }, ct);
}
