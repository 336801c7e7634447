using Domain.Calendar;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Panels;

/// Panels:ReminderDaysBefore (default 2): how many calendar days before a meeting its members are reminded.
public sealed record PanelOptions(int ReminderDaysBefore = 2);

/// Reminds each member who has not declined (answered "not available" for the chosen date) of a scheduled meeting,
/// from ReminderDaysBefore days before its London date until it starts. Run with the reminder scan (every 15 minutes).
/// The outbox key names the member, the meeting and its start, so each reminder goes once, across runs and restarts;
/// a meeting moved to another time gets a reminder for its new time.
public sealed class PanelReminderScan(IReviewDbFactory dbs, MeetingInvitations invitations, IOutbox outbox, BusinessClock clock, PanelOptions options)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var now = clock.UtcNow;
        var horizon = London.StartOfDayUtc(clock.Today.AddDays(options.ReminderDaysBefore + 1));
        var meetings = await db.PanelMeetings.AsNoTracking().Include(m => m.Options).ThenInclude(o => o.Responses)
            .Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now && m.StartsAtUtc < horizon).ToListAsync(ct);
        var queued = 0;
        foreach (var meeting in meetings)
        {
            // The case label and reference for the email; the scan acts for the system, not for a person.
            var access = await db.Reviews.AsNoTracking().Where(r => r.Id == meeting.ReviewId)
                .Select(r => new PanelAccess(r.Id, r.Reference, r.CaseLabel, r.LeadOfficeId, false, false)).SingleAsync(ct);

            var declined = meeting.Options.Where(o => o.Id == meeting.ChosenOptionId).SelectMany(o => o.Responses)
                .Where(r => r.Availability == Availability.NotAvailable).Select(r => r.UserId).ToHashSet();
            var values = invitations.Values(access, meeting);
            foreach (var member in (await PanelMembersQuery.ActiveAsync(db, meeting.ReviewId, ct)).Where(m => !declined.Contains(m.UserId)))
            {
                var key = $"meeting:{meeting.Id}:at:{meeting.StartsAtUtc:yyyyMMddTHHmm}";
                if (await outbox.EnqueueAsync(db, new OutgoingEmail(member.Email, member.UserId, MeetingInvitations.ReminderReason, key, "PanelReminder",
                        values, ReviewId: meeting.ReviewId), ct))
                {
                    queued++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }
}
