using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Crg;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Crg;

/// An officer plans a CRG meeting of their office: the date is in the future, with its start time and place, and the
/// cases waiting for the CRG (a decision or a sign-off) that are on no other meeting's open agenda are proposed at once.
public sealed class CreateCrgMeetingHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int officeId, DateOnly? meetingDate, string? startsAt, string? place, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!CrgAccess.CanChange(actor, officeId))
        {
            await audit.RefusedAsync(db, actor, "CrgMeeting", null, null, $"create meeting for office {officeId}", ct);
            return new AccessRefused("planning this office's CRG meetings");
        }

        var errors = CrgRules.ValidateMeetingDate(meetingDate, clock.Today).Concat(CrgRules.ValidateTimeAndPlace(startsAt, place, out var time)).ToList();
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var meeting = new CrgMeeting
        {
            OfficeId = officeId, MeetingDate = meetingDate!.Value, StartsAt = time, Place = place!.Trim(), CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId,
        };
        db.CrgMeetings.Add(meeting);
        foreach (var (reviewId, purpose) in await CrgAgenda.WaitingAsync(db, officeId, ct))
        {
            meeting.Items.Add(new CrgAgendaItem { ReviewId = reviewId, Purpose = purpose, Proposed = true, AddedAtUtc = clock.UtcNow });
        }

        audit.Add(db, actor, AuditAction.Created, "CrgMeeting", null, null, null, $"meeting on {meeting.MeetingDate:yyyy-MM-dd}, {meeting.Items.Count} cases proposed");
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}
