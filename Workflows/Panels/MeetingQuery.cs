using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

public sealed record MeetingActionRow(long Id, string Text, string Owner, DateOnly DueDate);

/// One member's answers in the poll grid (officers see every member's; a member sees only their own).
public sealed record PollRow(string UserId, string Name, IReadOnlyDictionary<long, Availability> Answers);

public sealed record MeetingView(
    int ReviewId, string Reference, string CaseLabel, bool CanManage, bool IsMember,
    long Id, string Title, MeetingStatus Status, int Version, DateTime? StartsAtUtc, int DurationMinutes, string? Location, string? OnlineLink,
    string? Notes, IReadOnlyList<OptionTally> Tallies, IReadOnlyList<PollRow> Poll, IReadOnlyList<PanelMemberRow> Members,
    IReadOnlySet<string> Attended, IReadOnlyList<MeetingActionRow> Actions);

/// One meeting's page: the poll (with counts), the scheduled time and place, attendance, notes and actions. Audited.
public sealed class MeetingQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<MeetingView>> HandleAsync(Actor actor, int reviewId, long meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: false, "view a panel meeting", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var access = checkedAccess.Value;
        var m = await db.PanelMeetings.AsNoTracking().AsSplitQuery().Include(x => x.Options).ThenInclude(o => o.Responses)
            .Include(x => x.Attendance).Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == meetingId && x.ReviewId == reviewId, ct);
        if (m is null)
        {
            return new NotFound("The meeting");
        }

        var members = await PanelMembersQuery.ActiveAsync(db, reviewId, ct);
        var tallies = MeetingPoll.Tally(m.Options, members.Select(x => x.UserId).ToList());
        var visible = access.CanManage ? members : members.Where(x => x.UserId == actor.UserId).ToList();
        var poll = visible.Select(x => new PollRow(x.UserId, x.Name, m.Options
            .SelectMany(o => o.Responses.Where(r => r.UserId == x.UserId).Select(r => (o.Id, r.Availability)))
            .ToDictionary(a => a.Id, a => a.Availability))).ToList();
        audit.Add(db, actor, AuditAction.Viewed, "PanelMeeting", meetingId.ToString(), reviewId, access.Reference, "meeting page");
        await db.SaveChangesAsync(ct);
        return new MeetingView(reviewId, access.Reference, access.CaseLabel, access.CanManage, access.IsMember,
            m.Id, m.Title, m.Status, m.Version, m.StartsAtUtc, m.DurationMinutes, m.Location, m.OnlineLink, m.Notes,
            tallies, poll, members, m.Attendance.Where(a => a.Attended).Select(a => a.UserId).ToHashSet(),
            m.Actions.OrderBy(a => a.DueDate).Select(a => new MeetingActionRow(a.Id, a.Text, a.Owner, a.DueDate)).ToList());
    }
}
