using Domain.Commissioner;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.WorkItems;

/// Where a task is done: the one mapping from a task's kind to its link, for every queue row, the home page and the
/// emails about it. Staff land on the part of the review page (or the page) with the form that completes it; the
/// review page opens the named action itself (?do=Trigger). The review page admits only office staff, the appointed
/// chair/author and the DPO (CaseScope), so a task of a panel member, an author answering an expression of interest
/// or an agency links to the page that person works on.
public static class TaskPages
{
    /// The review page's parts a task can lead to: kept few, and stable, as links in emails outlive releases.
    public const string ProcessAnchor = "process-panel";
    public const string SubmissionAnchor = "submission-section";
    public const string RequestsAnchor = "information-requests";

    /// The query parameter that opens one of the process panel's actions on arrival.
    public const string OpenAction = "do";

    public static string ReviewPage(int reviewId) => $"reviews/{reviewId}";

    /// The person's own work showing one review's tasks: where a task reassigned to them is, with the manager's note.
    public static string MyWork(string reference) => $"work/mine?search={Uri.EscapeDataString(reference)}";

    /// The overdue queue showing one review's overdue tasks: where a manager sees who holds each and reassigns it.
    public static string OverdueQueue(string reference) => $"work/overdue?search={Uri.EscapeDataString(reference)}";

    /// The agency contact's list of requests, where one without its own id is found.
    public const string AgencyRequests = "requests/agency";

    /// The query parameter of the Commissioner's page that opens one recommendation's response form on arrival.
    public const string RespondTo = "respond";

    /// What stands where a review's reference and case label would, for a task that belongs to no review.
    public const string NoReview = "No review";

    /// subjectId: what the task is about, where its page needs it (the expression of interest, the action plan action,
    /// the information request, the Commissioner's recommendation). A task of no review links to its own page.
    public static string For(WorkItemKind kind, int? reviewId, int? agencyId, long? subjectId, bool toStaff) =>
        reviewId is int id ? ForReview(kind, id, agencyId, subjectId, toStaff) : OwnPage(kind, subjectId, toStaff);

    /// A task of no review: its own reference and what it is (shown where a review's reference and case label would be,
    /// in the queues and the emails), from its kind and subject. No free text, no names.
    public static (string Reference, string Label) Own(WorkItem item, long? subjectId) => item.Kind switch
    {
        WorkItemKind.RespondToCommissioner when subjectId is long id => (CommissionerRecommendation.ReferenceOf(id), "Commissioner's recommendation"),
        _ => ($"Task {item.Id}", NoReview),
    };

    /// The reference a task goes by: its review's, or its own (Own) when it belongs to no review.
    public static async Task<string> ReferenceAsync(IReviewDb db, WorkItem item, CancellationToken ct)
    {
        if (item.ReviewId is int reviewId)
        {
            return await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync(ct);
        }

        var subjects = await SubjectsAsync(db, [item], ct);
        return Own(item, subjects.TryGetValue(item.Id, out var s) ? s : null).Reference;
    }

    /// The page of a task that belongs to no review: never a review page.
    private static string OwnPage(WorkItemKind kind, long? subjectId, bool toStaff) => kind switch
    {
        WorkItemKind.RespondToCommissioner => subjectId is long r ? $"commissioner?{RespondTo}={r}" : "commissioner",
        WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview => subjectId is long action ? $"actions/{action}" : toStaff ? "work/mine" : "actions/ours",
        _ => "work/mine",
    };

    private static string ForReview(WorkItemKind kind, int reviewId, int? agencyId, long? subjectId, bool toStaff)
    {
        var link = Page(kind, reviewId, subjectId, toStaff);
        // An agency contact never reaches the review page (the drafts page, as a panel member, they do).
        return !toStaff && agencyId is not null && link.StartsWith(ReviewPage(reviewId), StringComparison.Ordinal) && !link.EndsWith("/drafts", StringComparison.Ordinal)
            ? AgencyRequests
            : link;
    }

    /// Every kind has its own arm: a new kind fails TaskPagesTests until it is given a page.
    private static string Page(WorkItemKind kind, int reviewId, long? subjectId, bool toStaff) => kind switch
    {
        WorkItemKind.PresentToCrg => Action(reviewId, Trigger.PresentToCrg),
        // Met, not met or more information: the panel lists the three.
        WorkItemKind.RecordCrgDecision => Process(reviewId),
        WorkItemKind.NotifyHomeOffice => Action(reviewId, Trigger.RecordHomeOfficeNotified),
        // Acknowledged or directed: the panel lists both.
        WorkItemKind.RecordHomeOfficeResponse => Process(reviewId),
        WorkItemKind.AppointAuthor => Commissioning(reviewId),
        WorkItemKind.CompleteReview => Action(reviewId, Trigger.SubmitForSignOff),
        WorkItemKind.RecordSignOff => Action(reviewId, Trigger.RecordSignedOff),
        WorkItemKind.MakeSignOffAmendments => Action(reviewId, Trigger.RecordSignOffAmendmentsMade),
        // The submission section has the forms for these (SubmissionQuery.Triggers).
        WorkItemKind.SubmitToHomeOffice or WorkItemKind.RecordQaOutcome or WorkItemKind.ChaseQaOutcome or WorkItemKind.MakeQaAmendments
            or WorkItemKind.Publish => $"{ReviewPage(reviewId)}#{SubmissionAnchor}",
        WorkItemKind.MonitorActionPlan => ActionPlan(reviewId),
        WorkItemKind.ReviewHold => Action(reviewId, Trigger.ReviewHold),
        // Panel members (agency contacts, specialists) are admitted to the drafts page, not to the review page.
        WorkItemKind.CommentOnDraft or WorkItemKind.CloseDraftComments => $"{ReviewPage(reviewId)}/drafts",
        WorkItemKind.ReplyToExpressionOfInterest when toStaff => Commissioning(reviewId),
        WorkItemKind.ReplyToExpressionOfInterest => subjectId is long eoi ? $"eoi/{eoi}" : "my-reviews",
        WorkItemKind.InformationRequest => subjectId is long request ? $"requests/{request}" : toStaff ? $"{ReviewPage(reviewId)}#{RequestsAnchor}" : AgencyRequests,
        WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview =>
            subjectId is long action ? $"actions/{action}" : toStaff ? ActionPlan(reviewId) : "actions/ours",
        // Opened with no review; should one ever carry a review, its own page still applies.
        WorkItemKind.RespondToCommissioner => OwnPage(kind, subjectId, toStaff),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind of task has no page: give it one in TaskPages."),
    };

    private static string Process(int reviewId) => $"{ReviewPage(reviewId)}#{ProcessAnchor}";

    private static string Action(int reviewId, Trigger trigger) => $"{ReviewPage(reviewId)}?{OpenAction}={trigger}#{ProcessAnchor}";

    private static string Commissioning(int reviewId) => $"{ReviewPage(reviewId)}/commissioning";

    private static string ActionPlan(int reviewId) => $"{ReviewPage(reviewId)}/action-plan";

    /// The subjects of the tasks whose pages need one: task id -> expression of interest, action or request id.
    public static async Task<IReadOnlyDictionary<long, long>> SubjectsAsync(IReviewDb db, IReadOnlyCollection<WorkItem> items, CancellationToken ct)
    {
        var eoiTasks = items.Where(i => i.Kind == WorkItemKind.ReplyToExpressionOfInterest).Select(i => (long?)i.Id).ToList();
        var actionTasks = items.Where(i => i.Kind is WorkItemKind.DeliverAction or WorkItemKind.ActionImpactReview).Select(i => (long?)i.Id).ToList();
        var requestTasks = items.Where(i => i.Kind == WorkItemKind.InformationRequest).Select(i => (long?)i.Id).ToList();
        var commissionerTasks = items.Where(i => i.Kind == WorkItemKind.RespondToCommissioner).Select(i => (long?)i.Id).ToList();
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

        if (requestTasks.Count > 0)
        {
            foreach (var r in await db.InformationRequests.AsNoTracking().Where(r => requestTasks.Contains(r.WorkItemId))
                         .Select(r => new { Task = r.WorkItemId!.Value, r.Id }).ToListAsync(ct))
            {
                subjects[r.Task] = r.Id;
            }
        }

        if (commissionerTasks.Count > 0)
        {
            foreach (var r in await db.CommissionerRecommendations.AsNoTracking().Where(r => commissionerTasks.Contains(r.WorkItemId))
                         .Select(r => new { Task = r.WorkItemId!.Value, r.Id }).ToListAsync(ct))
            {
                subjects[r.Task] = r.Id;
            }
        }

        return subjects;
    }
}
