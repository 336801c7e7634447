using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

/// The proposal of a meeting: a title and the dates and times (London wall clock) members choose from.
public sealed record ProposeMeeting(string? Title, IReadOnlyList<DateTime> StartsAtLondon, int DurationMinutes = 120);

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
            if (London.ToUtc(local) is { } u)
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
