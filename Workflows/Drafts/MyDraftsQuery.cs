using Domain.Access;
using Domain.Drafts;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

/// A review whose drafts this person works on: as its appointed chair/author or as a panel member.
/// OpenDeadline: the earliest deadline among its open rounds; AwaitingMyComment: an open round I have not commented on.
public sealed record MyDraftsRow(int ReviewId, string Reference, string CaseLabel, bool AsAuthor, int DraftCount, int? LatestNumber, DateOnly? OpenDeadline,
    bool AwaitingMyComment);

/// The "Drafts" page of chairs/authors and panel members: their reviews only (the participant rows, read fresh).
public sealed class MyDraftsQuery(IReviewDbFactory dbs, BusinessClock clock)
{
    public async Task<IReadOnlyList<MyDraftsRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(actor.UserId))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        var author = actor.Is(Role.IndependentAuthor);
        var mine = await (from p in db.ReviewParticipants.Active()
                          join r in db.Reviews on p.ReviewId equals r.Id
                          where p.UserId == actor.UserId
                              && (p.Kind == ParticipantKind.PanelMember || (author && p.Kind == ParticipantKind.ChairAuthor))
                          select new { r.Id, r.Reference, r.CaseLabel, p.Kind }).ToListAsync(ct);
        var reviewIds = mine.Select(m => m.Id).Distinct().ToList();
        var drafts = await db.Drafts.AsNoTracking().Where(d => reviewIds.Contains(d.ReviewId)).ToListAsync(ct);
        var draftIds = drafts.Select(d => d.Id).ToList();
        var commented = (await db.DraftComments.AsNoTracking().Where(c => draftIds.Contains(c.DraftId) && c.UserId == actor.UserId)
            .Select(c => c.DraftId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = clock.UtcNow;
        return mine.GroupBy(m => m.Id).Select(g =>
            {
                var first = g.First();
                var panel = g.Any(m => m.Kind == ParticipantKind.PanelMember);
                var own = drafts.Where(d => d.ReviewId == g.Key).ToList();
                var open = own.Where(d => CommentWindow.IsOpen(d, now)).ToList();
                return new MyDraftsRow(g.Key, first.Reference, first.CaseLabel, g.Any(m => m.Kind == ParticipantKind.ChairAuthor), own.Count,
                    own.Count == 0 ? null : own.Max(d => d.Number), open.Count == 0 ? null : open.Min(d => d.CommentsDue),
                    panel && open.Any(d => !commented.Contains(d.Id)));
            })
            .OrderByDescending(r => r.AwaitingMyComment).ThenBy(r => r.OpenDeadline ?? DateOnly.MaxValue).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
    }
}
