using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.WorkItems;

/// The task after a change: pages keep Version to send with the next command.
public sealed record WorkItemChanged(long Id, int Version, string? AssigneeUserId, WorkItemStatus Status, DateOnly? DueDate, bool IsPaused);

/// Claim, unclaim, reassign, complete, pause and resume a task. One class because every command shares the same
/// load-check-audit-save steps. expectedVersion is the task's Version as the page showed it (optional): a task that
/// changed since, or a racing command that commits first, returns Conflict.
public sealed class WorkItemCommands(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, IOutbox outbox, EmailOptions email)
{
    public const string ReassignedEmail = "TaskReassigned";

    /// Takes an unassigned task offered to the actor.
    public Task<Result<WorkItemChanged>> ClaimAsync(Actor actor, long workItemId, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "claim", (_, item) =>
        {
            if (!item.IsOfferedTo(actor))
            {
                return Refused("this task (it is offered to another role, office or person)");
            }

            if (item.AssigneeUserId is not null)
            {
                return item.AssigneeUserId == actor.UserId
                    ? new Error("You have already claimed this task.")
                    : new Error("Someone else has already claimed this task: it is in their work now.");
            }

            item.Assign(actor.UserId, clock.UtcNow);
            return null;
        }, ct);

    /// Gives a task back to the team queue: its assignee, or a manager of its office.
    public Task<Result<WorkItemChanged>> UnclaimAsync(Actor actor, long workItemId, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "unclaim", (_, item) =>
        {
            if (item.AssigneeUserId != actor.UserId && !WorkItemAccess.IsManagerOf(item, actor))
            {
                return Refused("giving back a task assigned to someone else (ask a manager)");
            }

            item.Assign(null, clock.UtcNow);
            return null;
        }, ct);

    /// A manager of the task's office gives it to a member of staff of that office, with a note to them: required, as
    /// they take over work someone else started (why it is theirs now, what is done, what to do first). The note is on
    /// the task and in the review's journal; the new assignee is emailed the case reference and a link to their work
    /// (never the case label nor the note, which may name people).
    public Task<Result<WorkItemChanged>> ReassignAsync(Actor actor, long workItemId, string toUserId, string? note, int? expectedVersion = null,
        CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "reassign", async (db, item) =>
        {
            if (!WorkItemAccess.IsManagerOf(item, actor))
            {
                return Refused("reassigning tasks (managers of the review office only)");
            }

            var to = await OfficeStaff.Of(db, item.OfficeId!.Value).Where(u => u.Id == toUserId)
                .Select(u => new { u.Id, u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
            if (to is null)
            {
                return new Error("Choose an active officer or manager of this review office.", "AssigneeUserId");
            }

            var text = note?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > WorkItem.AssignmentNoteMaxLength)
            {
                return new Error($"Write a note for {to.DisplayName} (up to {WorkItem.AssignmentNoteMaxLength} characters): why the task is theirs now and what to do first.", "Note");
            }

            item.Assign(to.Id, clock.UtcNow, text);
            // A task of no review has no journal: the note stays on the task.
            if (item.ReviewId is int reviewId)
            {
                var review = await db.Reviews.SingleAsync(r => r.Id == reviewId, ct);
                CaseChanges.Record(db, review, actor, clock.UtcNow, JournalKind.TaskReassigned, $"\"{item.Title}\" reassigned to {to.DisplayName}. Note: {text}", clock.Today);
            }

            if (!string.IsNullOrEmpty(to.Email))
            {
                var reference = await TaskPages.ReferenceAsync(db, item, ct);
                await outbox.EnqueueAsync(db, new OutgoingEmail(to.Email, to.Id, ReassignedEmail, $"reassigned:{item.Id}:{item.Version}", ReassignedEmail,
                    new Dictionary<string, string>
                    {
                        ["Reference"] = reference,
                        ["Task"] = item.Title,
                        ["Link"] = email.LinkTo(TaskPages.MyWork(reference)),
                        ["PortalBaseUrl"] = email.PortalBaseUrl,
                    }, ReviewId: item.ReviewId), ct);
            }

            return null;
        }, ct);

    /// Completes a task that is not a process step, with what was done. Process steps complete when the action is
    /// recorded on the review page.
    public Task<Result<WorkItemChanged>> CompleteAsync(Actor actor, long workItemId, string? outcome, int? expectedVersion = null,
        CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "complete", (_, item) =>
        {
            if (!item.IsOfferedTo(actor) && item.AssigneeUserId != actor.UserId)
            {
                return Refused("this task");
            }

            if (item.IsProcessStep)
            {
                return new Error("This task is done by recording the action on the review page; it then closes by itself.");
            }

            if (WorkItem.ClosesOnItsPage(item.Kind))
            {
                return new Error("This task closes by itself when the response is recorded on its page.");
            }

            if (string.IsNullOrWhiteSpace(outcome) || outcome.Length > WorkItem.OutcomeMaxLength)
            {
                return new Error($"Say what was done (up to {WorkItem.OutcomeMaxLength} characters).", "Outcome");
            }

            item.Close(WorkItemStatus.Completed, outcome.Trim(), actor.UserId, clock.UtcNow);
            return null;
        }, ct);

    /// Stops the task's own due date (e.g. agency information that waits on a trial). Review holds do not do this.
    public Task<Result<WorkItemChanged>> PauseAsync(Actor actor, long workItemId, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "pause", async (db, item) =>
        {
            if (!CanPause(item, actor))
            {
                return Refused("pausing tasks (review officers of the review office only)");
            }

            if (item.IsPaused)
            {
                return new Error("This task is already paused.");
            }

            item.Pause(clock.Today);
            await db.Timers.Where(t => t.WorkItemId == item.Id && t.Status == TimerStatus.Pending)
                .ForEachAsync(t => t.Status = TimerStatus.Cancelled, ct);
            return null;
        }, ct);

    /// Restarts a paused task: its due date moves on by the calendar days it was paused.
    public Task<Result<WorkItemChanged>> ResumeAsync(Actor actor, long workItemId, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(actor, workItemId, expectedVersion, "resume", (db, item) =>
        {
            if (!CanPause(item, actor))
            {
                return Refused("resuming tasks (review officers of the review office only)");
            }

            if (!item.IsPaused)
            {
                return new Error("This task is not paused.");
            }

            item.Resume(clock.Today);
            // The review's timer notes the day in its journal; a task of no review has neither (the reminder scan still runs).
            if (item.DueDate is DateOnly due && item.ClockId is null && item.ReviewId is int reviewId)
            {
                db.Timers.Add(new WorkflowTimer
                {
                    ReviewId = reviewId,
                    Kind = TimerKind.WorkItemDue,
                    DueAtUtc = London.OverdueFromUtc(due),
                    Status = TimerStatus.Pending,
                    WorkItemId = item.Id,
                    CreatedAtUtc = clock.UtcNow,
                });
            }

            return null;
        }, ct);

    private static bool CanPause(WorkItem item, Actor actor) =>
        actor.Is(Role.ReviewOfficer) && item.OfficeId is int office && actor.OfficeIds.Contains(office);

    private static AccessRefused Refused(string what) => new(what);

    private Task<Result<WorkItemChanged>> ChangeAsync(Actor actor, long workItemId, int? expectedVersion, string action,
        Func<IReviewDb, WorkItem, Error?> change, CancellationToken ct) =>
        ChangeAsync(actor, workItemId, expectedVersion, action, (db, item) => Task.FromResult(change(db, item)), ct);

    private async Task<Result<WorkItemChanged>> ChangeAsync(Actor actor, long workItemId, int? expectedVersion, string action,
        Func<IReviewDb, WorkItem, Task<Error?>> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var item = await WorkItemAccess.Visible(db, db.WorkItems, actor).SingleOrDefaultAsync(w => w.Id == workItemId, ct);
        if (item is null)
        {
            await audit.RefusedAsync(db, actor, "WorkItem", workItemId.ToString(), null, action, ct);
            return new AccessRefused("this task");
        }

        if (expectedVersion is int expected && expected != item.Version)
        {
            return new Conflict("This task");
        }

        if (!item.IsOpen)
        {
            return new Error("This task is already closed.");
        }

        var error = await change(db, item);
        if (error is AccessRefused)
        {
            await audit.RefusedAsync(db, actor, "WorkItem", workItemId.ToString(), item.ReviewId, action, ct);
        }

        if (error is not null)
        {
            return error;
        }

        var reference = await TaskPages.ReferenceAsync(db, item, ct);
        audit.Add(db, actor, AuditAction.Changed, "WorkItem", item.Id.ToString(), item.ReviewId, reference,
            $"{action} task \"{item.Title}\"" + (item.AssigneeUserId is null ? string.Empty : $", assigned to {item.AssigneeUserId}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This task");
        }

        return new WorkItemChanged(item.Id, item.Version, item.AssigneeUserId, item.Status, item.DueDate, item.IsPaused);
    }

}
