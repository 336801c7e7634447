using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Reminders;

/// The page an email about a task links to: the one its recipient can open and act on. The review page admits only
/// office staff, the appointed chair/author and the DPO (CaseScope), so a task of a panel member, an author answering
/// an expression of interest or an agency links to the page that person works on; staff (the office's managers, the
/// lead CSP's accountable lead, the digest) keep the review page.
public static class TaskPages
{
    public static string ReviewPage(int reviewId) => $"reviews/{reviewId}";

    /// The overdue queue showing one review's overdue tasks: where a manager sees who holds each and reassigns it.
    public static string OverdueQueue(string reference) => $"work/overdue?search={Uri.EscapeDataString(reference)}";

    /// subjectId: what the task is about, where its page needs it (the expression of interest, the action plan action).
    public static string For(WorkItemKind kind, int reviewId, int? agencyId, long? subjectId, bool toStaff) => (toStaff, kind, subjectId) switch
    {
        (true, _, _) => ReviewPage(reviewId),
        // Panel members (agency contacts, specialists) are admitted to the drafts page, not to the review page.
        (_, WorkItemKind.CommentOnDraft, _) => $"reviews/{reviewId}/drafts",
        (_, WorkItemKind.ReplyToExpressionOfInterest, long eoi) => $"eoi/{eoi}",
        (_, WorkItemKind.ReplyToExpressionOfInterest, _) => "my-reviews",
        (_, WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview, long action) => $"actions/{action}",
        (_, WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview, _) => "actions/ours",
        _ when kind == WorkItemKind.InformationRequest || agencyId is not null => Requests.RequestMail.AgencyPage,
        _ => ReviewPage(reviewId),
    };

    /// The subjects of the tasks whose pages need one: task id -> expression of interest or action id.
    public static async Task<IReadOnlyDictionary<long, long>> SubjectsAsync(IReviewDb db, IReadOnlyCollection<WorkItem> items, CancellationToken ct)
    {
        var eoiTasks = items.Where(i => i.Kind == WorkItemKind.ReplyToExpressionOfInterest).Select(i => (long?)i.Id).ToList();
        var actionTasks = items.Where(i => i.Kind is WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview).Select(i => (long?)i.Id).ToList();
        var subjects = new Dictionary<long, long>();
        if (eoiTasks.Count > 0)
        {
            foreach (var r in await db.EoiRecipients.AsNoTracking().Where(r => eoiTasks.Contains(r.WorkItemId))
                         .Select(r => new { Task = r.WorkItemId!.Value, r.ExpressionOfInterestId }).ToListAsync(ct))
            {
                subjects[r.Task] = r.ExpressionOfInterestId;
            }
        }

        if (actionTasks.Count > 0)
        {
            foreach (var a in await db.PlanActions.AsNoTracking().Where(a => actionTasks.Contains(a.WorkItemId) || actionTasks.Contains(a.ImpactWorkItemId))
                         .Select(a => new { a.Id, a.WorkItemId, a.ImpactWorkItemId }).ToListAsync(ct))
            {
                foreach (var task in new[] { a.WorkItemId, a.ImpactWorkItemId }.OfType<long>())
                {
                    subjects[task] = a.Id;
                }
            }
        }

        return subjects;
    }
}
