using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Crg;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Crg;

/// The officer adds a waiting case to a meeting's agenda, takes one off (before an outcome is recorded), or shares
/// the agenda papers with the office's CRG members (who are emailed, CrgPapersMail).
public sealed class ChangeAgendaHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, CrgPapersMail mail)
{
    public async Task<Result<long>> AddAsync(Actor actor, int meetingId, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.CrgMeetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !CrgAccess.CanChange(actor, meeting.OfficeId))
        {
            await audit.RefusedAsync(db, actor, "CrgMeeting", meetingId.ToString(), reviewId, $"add review {reviewId} to the agenda", ct);
            return new AccessRefused("this CRG meeting's agenda");
        }

        if (meeting.Items.Any(i => i.ReviewId == reviewId))
        {
            return new Error("The case is already on this meeting's agenda.", "ReviewId");
        }

        var waiting = await CrgAgenda.WaitingAsync(db, meeting.OfficeId, ct);
        var found = waiting.Where(w => w.ReviewId == reviewId).Select(w => (AgendaPurpose?)w.Purpose).SingleOrDefault();
        if (found is not AgendaPurpose purpose)
        {
            return new Error("Choose a case of your office that waits for a CRG decision or sign-off and is on no other meeting's open agenda.", "ReviewId");
        }

        var item = new CrgAgendaItem { ReviewId = reviewId, Purpose = purpose, AddedAtUtc = clock.UtcNow };
        meeting.Items.Add(item);
        var reference = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync(ct);
        audit.Add(db, actor, AuditAction.Changed, "CrgMeeting", meeting.Id.ToString(), reviewId, reference, "added to the agenda");
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task<Result<bool>> RemoveAsync(Actor actor, long itemId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var item = await db.CrgAgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        var meeting = item is null ? null : await db.CrgMeetings.SingleAsync(m => m.Id == item.MeetingId, ct);
        if (item is null || meeting is null || !CrgAccess.CanChange(actor, meeting.OfficeId))
        {
            await audit.RefusedAsync(db, actor, "CrgAgendaItem", itemId.ToString(), item?.ReviewId, "remove from the agenda", ct);
            return new AccessRefused("this CRG meeting's agenda");
        }

        if (item.Outcome is not null)
        {
            return new Error("The CRG's outcome is recorded for this case: it stays on the agenda as the record of the meeting.");
        }

        db.CrgAgendaItems.Remove(item);
        var reference = await db.Reviews.Where(r => r.Id == item.ReviewId).Select(r => r.Reference).SingleAsync(ct);
        audit.Add(db, actor, AuditAction.Changed, "CrgMeeting", meeting.Id.ToString(), item.ReviewId, reference, "removed from the agenda");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<bool>> SharePapersAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.CrgMeetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !CrgAccess.CanChange(actor, meeting.OfficeId))
        {
            await audit.RefusedAsync(db, actor, "CrgMeeting", meetingId.ToString(), null, "share agenda papers", ct);
            return new AccessRefused("this CRG meeting's agenda");
        }

        if (meeting.Items.Count == 0)
        {
            return new Error("The agenda is empty: add the cases for the meeting before sharing the papers.");
        }

        meeting.PapersSharedAtUtc ??= clock.UtcNow;
        var emailed = await mail.QueueAsync(db, meeting, ct);
        audit.Add(db, actor, AuditAction.Changed, "CrgMeeting", meeting.Id.ToString(), null, null,
            $"agenda papers shared with CRG members ({emailed} emailed)");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
