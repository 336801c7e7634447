using Domain.Access;
using Domain.Commissioner;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Commissioner;

/// The office's task for a Commissioner's recommendation (WorkItemKind.RespondToCommissioner): a task of no review,
/// offered to the office's review officers (its team queue, to claim or be assigned), due on the response date, so the
/// reminder ladder (ReminderScan) reminds them before it, escalates to the office's managers after it and lists it in the
/// managers' daily digest. Its title names only the recommendation's reference: it goes into emails.
public static class CommissionerTask
{
    /// Opens the task of a saved recommendation (it needs the id), in the caller's unit of work.
    public static WorkItem Open(CommissionerRecommendation recommendation, DateTime nowUtc)
    {
        var item = new WorkItem
        {
            ReviewId = null,
            Kind = WorkItemKind.RespondToCommissioner,
            Title = CommissionerRecommendation.TaskTitleFor(recommendation.Id),
            IsProcessStep = false,
            CandidateRole = Role.ReviewOfficer,
            OfficeId = recommendation.OfficeId,
            DueDate = recommendation.ResponseDue,
            Priority = WorkItemPriority.Normal,
            Status = WorkItemStatus.Open,
            CreatedAtUtc = nowUtc,
        };
        recommendation.WorkItem = item;
        return item;
    }

    /// The response is recorded: its task is done (by whoever recorded it).
    public static async Task CompleteAsync(IReviewDb db, CommissionerRecommendation recommendation, string userId, DateTime nowUtc, CancellationToken ct)
    {
        if (recommendation.WorkItemId is long id && await db.WorkItems.SingleOrDefaultAsync(w => w.Id == id, ct) is { IsOpen: true } task)
        {
            task.Close(WorkItemStatus.Completed, "Response recorded", userId, nowUtc);
        }
    }

    /// Recommendations recorded before they had tasks: each still open gets its task, once (run at start-up, after the
    /// migrations; nothing to do the second time). Returns how many were opened.
    public static async Task<int> BackfillAsync(IReviewDb db, DateTime nowUtc, CancellationToken ct = default)
    {
        var open = await db.CommissionerRecommendations.Where(r => r.RespondedOn == null && r.WorkItemId == null).ToListAsync(ct);
        foreach (var recommendation in open)
        {
            Open(recommendation, nowUtc);
        }

        if (open.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return open.Count;
    }
}
