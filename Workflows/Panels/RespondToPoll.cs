using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

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
