using Domain.Drafts;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Drafts;

/// The open tasks a draft's round opened: each panel member's "comment on draft" (one member's with memberUserId),
/// and, when no member is given, the lead office's "close the round" too. Loaded tracked, to be changed.
internal static class DraftTasks
{
    public static async Task<List<WorkItem>> OpenAsync(IReviewDb db, Draft draft, string? memberUserId, CancellationToken ct)
    {
        var ids = await db.DraftInvitations.Where(i => i.DraftId == draft.Id && i.WorkItemId != null && (memberUserId == null || i.UserId == memberUserId))
            .Select(i => i.WorkItemId!.Value).ToListAsync(ct);
        if (memberUserId is null && draft.OfficeWorkItemId is long office)
        {
            ids.Add(office);
        }

        return await db.WorkItems.Where(w => ids.Contains(w.Id) && w.Status == WorkItemStatus.Open).ToListAsync(ct);
    }
}
