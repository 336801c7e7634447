using Domain.Access;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.WorkItems;

/// A disabled account's open, assigned work items are unassigned, so they show again in their office's (or agency's)
/// queue for anyone with the candidate role to claim. Each is audited as a change made by the administrator.
/// Items offered to that person by name (CandidateUserId, e.g. an appointed author) stay theirs: there is no team to
/// return them to, and their office sees them as overdue if nobody acts.
internal sealed class ReturnWorkToTeamQueue(BusinessClock clock, AuditLog audit) : IAccountWorkHandover
{
    public async Task<int> ReturnWorkToTeamQueueAsync(IReviewDb db, Actor by, string userId, CancellationToken ct)
    {
        var items = await db.WorkItems.Where(w => w.AssigneeUserId == userId && w.Status == WorkItemStatus.Open).ToListAsync(ct);
        if (items.Count == 0)
        {
            return 0;
        }

        var reviewIds = items.Where(i => i.ReviewId != null).Select(i => i.ReviewId!.Value).Distinct().ToList();
        var references = await db.Reviews.Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Reference, ct);
        foreach (var item in items)
        {
            item.Assign(null, clock.UtcNow);
            // A task of no review: the audit names the task (its title) and no review.
            audit.Add(db, by, AuditAction.Changed, "WorkItem", item.Id.ToString(), item.ReviewId,
                item.ReviewId is int reviewId ? references.GetValueOrDefault(reviewId) : null,
                $"returned task \"{item.Title}\" to the team queue: the account {userId} was disabled");
        }

        return items.Count;
    }
}
