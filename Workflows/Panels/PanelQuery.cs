using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

public sealed record MeetingSummary(long Id, string Title, MeetingStatus Status, DateTime? StartsAtUtc, int Options);

public sealed record PanelView(int ReviewId, string Reference, string CaseLabel, bool CanManage, IReadOnlyList<PanelMemberRow> Members,
    IReadOnlyList<MeetingSummary> Meetings);

/// A review's panel page: its members and meetings, for lead-office staff and the panel's own members. Audited.
public sealed class PanelQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PanelView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: false, "view a panel", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var access = checkedAccess.Value;
        var members = await PanelMembersQuery.ActiveAsync(db, reviewId, ct);
        var meetings = await db.PanelMeetings.AsNoTracking().Where(m => m.ReviewId == reviewId).OrderByDescending(m => m.Id)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.Status, m.StartsAtUtc, m.Options.Count)).ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Viewed, "Panel", reviewId.ToString(), reviewId, access.Reference, "panel page");
        await db.SaveChangesAsync(ct);
        return new PanelView(reviewId, access.Reference, access.CaseLabel, access.CanManage, members, meetings);
    }
}
