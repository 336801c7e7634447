using System.Linq.Expressions;
using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.WorkItems;

public enum WorkQueue
{
    /// Open tasks assigned to me.
    MyWork,
    /// Unassigned open tasks offered to my roles in my offices (or to my agency, or to me by name): claim them.
    Team,
    /// Open tasks I can see whose due date has passed (TaskDeadline: paused ones, and those of reviews on hold, excluded).
    Overdue,
    /// Open tasks I can see due today or in the next 14 days.
    DueSoon,
}

public sealed record WorkItemFilter(string? Search = null, WorkItemPriority? Priority = null, Stage? Stage = null, int? ReviewId = null);

/// A task in a queue, dated by TaskDeadline (a task that works to a clock shows the clock's date). DueText reads
/// "in 3 days", "5 days overdue" or "paused (on hold)"; IsOverdue drives the highlight. IsPaused: an officer paused it
/// (Resume undoes that); IsOnHold: its clock is paused while the review is on hold. Link: where the actor does the task
/// (TaskPages). AssignmentNote: the note of the manager who reassigned it. ReviewId is null for a task that belongs to no
/// review: Reference and CaseLabel then hold its own reference and what it is (TaskPages.Own), and Link its own page.
public sealed record WorkItemRow(
    long Id, int? ReviewId, string Reference, string CaseLabel, WorkItemKind Kind, string Title, Stage? Stage, bool IsProcessStep,
    Role? CandidateRole, string? AssigneeUserId, string? AssigneeName, DateOnly? DueDate, DateOnly? FollowUpDate,
    WorkItemPriority Priority, bool IsPaused, bool IsOverdue, int? DaysLeft, string? DueText, int Version, bool IsOnHold, string Link, string? AssignmentNote);

/// The numbers beside each queue in the navigation.
public sealed record QueueCounts(int MyWork, int Team, int Overdue, int DueSoon, int OnHold);

/// The work queues: paged, sorted and filtered in the database, over the tasks the actor may see.
/// Sort by: DueDate (default, undated last), Priority, Reference, CaseLabel, Title, Stage, Assignee, Created.
public sealed class WorkQueueQuery(IReviewDbFactory dbs, BusinessClock clock)
{
    public const int DueSoonDays = 14;

    public async Task<PagedResult<WorkItemRow>> HandleAsync(Actor actor, WorkQueue queue, WorkItemFilter filter, PageRequest page,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var today = clock.Today;
        var items = Queue(db, actor, queue, today);
        if (filter.Priority is WorkItemPriority priority)
        {
            items = items.Where(w => w.Priority == priority);
        }

        if (filter.Stage is Stage stage)
        {
            items = items.Where(w => w.Stage == stage);
        }

        if (filter.ReviewId is int reviewId)
        {
            items = items.Where(w => w.ReviewId == reviewId);
        }

        // A task of no review has no review row: it keeps its place (its own reference is put on it below).
        var rows = from w in items
                   join r in db.Reviews on w.ReviewId equals r.Id into ofReview
                   from r in ofReview.DefaultIfEmpty()
                   join u in db.Users on w.AssigneeUserId equals u.Id into assignees
                   from u in assignees.DefaultIfEmpty()
                   select new
                   {
                       Item = w, w.Clock, Reference = r == null ? null : r.Reference, CaseLabel = r == null ? null : r.CaseLabel,
                       SearchText = r == null ? null : r.SearchText, Assignee = u == null ? null : u.DisplayName,
                   };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = CaseLabels.Normalise(filter.Search);
            rows = rows.Where(x => (x.SearchText != null && x.SearchText.Contains(term)) || x.Item.Title.ToLower().Contains(term));
        }

        var total = await rows.CountAsync(ct);
        var d = page.Descending;
        var ordered = page.SortBy switch
        {
            nameof(WorkItemRow.Priority) => d ? rows.OrderBy(x => x.Item.Priority == WorkItemPriority.Urgent ? 0 : x.Item.Priority == WorkItemPriority.High ? 1 : 2)
                                              : rows.OrderByDescending(x => x.Item.Priority == WorkItemPriority.Urgent ? 0 : x.Item.Priority == WorkItemPriority.High ? 1 : 2),
            nameof(WorkItemRow.Reference) => d ? rows.OrderByDescending(x => x.Reference) : rows.OrderBy(x => x.Reference),
            nameof(WorkItemRow.CaseLabel) => d ? rows.OrderByDescending(x => x.CaseLabel) : rows.OrderBy(x => x.CaseLabel),
            nameof(WorkItemRow.Title) => d ? rows.OrderByDescending(x => x.Item.Title) : rows.OrderBy(x => x.Item.Title),
            nameof(WorkItemRow.Stage) => d ? rows.OrderByDescending(x => x.Item.Stage) : rows.OrderBy(x => x.Item.Stage),
            "Assignee" or nameof(WorkItemRow.AssigneeName) => d ? rows.OrderByDescending(x => x.Assignee) : rows.OrderBy(x => x.Assignee),
            "Created" => d ? rows.OrderByDescending(x => x.Item.CreatedAtUtc) : rows.OrderBy(x => x.Item.CreatedAtUtc),
            // Soonest due first, undated last: what needs doing next.
            _ => TaskDeadline.OrderByDue(rows, x => x.Item, d),
        };
        var found = await ordered.ThenBy(x => x.Item.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        // No tracking: the clock read beside each task is put back on it for the rule to read.
        found.ForEach(x => x.Item.Clock = x.Clock);
        var subjects = await TaskPages.SubjectsAsync(db, found.Select(x => x.Item).ToList(), ct);
        var list = found.Select(x =>
        {
            long? subject = subjects.TryGetValue(x.Item.Id, out var s) ? s : null;
            var own = x.Reference is null ? TaskPages.Own(x.Item, subject) : default;
            return Row(x.Item, x.Reference ?? own.Reference, x.CaseLabel ?? own.Label, x.Assignee, today,
                TaskPages.For(x.Item.Kind, x.Item.ReviewId, x.Item.AgencyId, subject, actor.IsOfficeStaff));
        }).ToList();
        return new PagedResult<WorkItemRow>(list, total);
    }

    /// Runs on every navigation (the menu's counts): one round trip for all five, after loading the actor's scope.
    public async Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var today = clock.Today;
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var tagged = Queue(db, actor, WorkQueue.MyWork, today).Select(_ => (int)WorkQueue.MyWork)
            .Concat(Queue(db, actor, WorkQueue.Team, today).Select(_ => (int)WorkQueue.Team))
            .Concat(Queue(db, actor, WorkQueue.Overdue, today).Select(_ => (int)WorkQueue.Overdue))
            .Concat(Queue(db, actor, WorkQueue.DueSoon, today).Select(_ => (int)WorkQueue.DueSoon))
            .Concat(scope.Readable(db.Reviews.AsNoTracking()).Where(r => r.Stage == Stage.OnHold).Select(_ => OnHoldTag));
        var counts = await tagged.GroupBy(q => q).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Count(int tag) => counts.GetValueOrDefault(tag);
        return new QueueCounts(Count((int)WorkQueue.MyWork), Count((int)WorkQueue.Team), Count((int)WorkQueue.Overdue), Count((int)WorkQueue.DueSoon),
            Count(OnHoldTag));
    }

    private const int OnHoldTag = -1;

    private static IQueryable<WorkItem> Queue(IReviewDb db, Actor actor, WorkQueue queue, DateOnly today)
    {
        var userId = actor.UserId;
        var roles = actor.Roles.Select(r => (Role?)r).ToList();
        var soon = today.AddDays(DueSoonDays);
        Expression<Func<WorkItem, bool>> filter = queue switch
        {
            WorkQueue.MyWork => w => w.AssigneeUserId == userId,
            WorkQueue.Team => w => w.AssigneeUserId == null && (w.CandidateRole == null || roles.Contains(w.CandidateRole)),
            WorkQueue.Overdue => TaskDeadline.OverdueOn(today),
            WorkQueue.DueSoon => TaskDeadline.DueBetween(today, soon),
            _ => throw new ArgumentOutOfRangeException(nameof(queue)),
        };
        return WorkItemAccess.OpenVisible(db, db.WorkItems.AsNoTracking(), actor, filter);
    }

    private static WorkItemRow Row(WorkItem w, string reference, string caseLabel, string? assignee, DateOnly today, string link)
    {
        var due = TaskDeadline.Of(w);
        return new(w.Id, w.ReviewId, reference, caseLabel, w.Kind, w.Title, w.Stage, w.IsProcessStep, w.CandidateRole, w.AssigneeUserId, assignee,
            due.Date, w.FollowUpDate, w.Priority, w.IsPaused,
            IsOverdue: due.IsOverdueOn(today),
            DaysLeft: due.Date is DateOnly left ? DueText.DaysLeft(left, today) : null,
            DueText: due.Describe(today),
            w.Version, due.IsOnHold, link, w.AssignmentNote);
    }
}
