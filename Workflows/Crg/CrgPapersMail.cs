using Domain.Access;
using Domain.Calendar;
using Domain.Crg;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Reminders;

namespace Workflows.Crg;

/// When the officer shares a meeting's agenda papers, each active CRG member of the meeting's office (the people who
/// may then read them, CrgAccess) gets one email: the meeting date, how many cases are on the agenda and a link to the
/// meeting. No case labels or names. Queued in the caller's context, so it is saved with the share; one per member and
/// meeting however often the papers are shared (a member added later hears on the next share).
public sealed class CrgPapersMail(IOutbox outbox, EmailOptions email)
{
    public const string EmailReason = "CrgPapersShared";

    public async Task<int> QueueAsync(IReviewDb db, CrgMeeting meeting, CancellationToken ct)
    {
        var officeId = meeting.OfficeId;
        var members = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null
                && db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == officeId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CrgMember)))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var office = await db.Organisations.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Name).SingleAsync(ct);
        var count = meeting.Items.Count;
        var values = new Dictionary<string, string>
        {
            ["MeetingDate"] = UkDate.Format(meeting.MeetingDate),
            ["When"] = CrgRules.When(meeting.MeetingDate, meeting.StartsAt),
            ["Place"] = meeting.Place ?? "not recorded: ask the review office",
            ["Office"] = office,
            ["CaseCount"] = count == 1 ? "1 case" : $"{count} cases",
            ["Link"] = email.LinkTo($"crg/meetings/{meeting.Id}"),
            ["PortalBaseUrl"] = email.PortalBaseUrl,
        };
        var queued = 0;
        foreach (var member in members.OrderBy(m => m.Email, StringComparer.Ordinal))
        {
            if (await outbox.EnqueueAsync(db, new OutgoingEmail(member.Email!, member.Id, EmailReason, $"crg-papers:{meeting.Id}", EmailReason, values), ct))
            {
                queued++;
            }
        }

        return queued;
    }
}
