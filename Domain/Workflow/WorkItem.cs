using Domain.Access;
using Domain.Reviews;

namespace Domain.Workflow;

public enum WorkItemKind
{
    PresentToCrg,
    RecordCrgDecision,
    NotifyHomeOffice,
    RecordHomeOfficeResponse,
    AppointAuthor,
    CompleteReview,
    RecordSignOff,
    SubmitToHomeOffice,
    RecordQaOutcome,
    MakeQaAmendments,
    /// Amendments asked for after the CRG signed off, before submission: done when recorded as made.
    MakeSignOffAmendments,
    Publish,
    MonitorActionPlan,
    ReviewHold,
    /// Not a process step: opened when QA has not answered in time; completed from the queue once chased.
    ChaseQaOutcome,
    /// Not a process step: a panel member's task to comment on a draft (Workflows/Drafts), done when they comment.
    CommentOnDraft,
    /// Not a process step: the lead office's task to gather the panel's comments on a draft and close the round.
    CloseDraftComments,
    /// Not a process step: an independent author's reply to an expression of interest (named person, due on the closing date).
    ReplyToExpressionOfInterest,
    /// An agency's information return (scoping, chronology, IMR): closed when the contact uploads it.
    InformationRequest,
    /// Not a process step: an agency's action of the action plan (Domain.ActionPlans), due on the action's due date.
    DeliverAction,
    /// Not a process step: the owner says whether a signed-off action's change lasted.
    ActionImpactReview,
    /// Not a process step and of no review: the office's task to get and record the response to a Domestic Abuse
    /// Commissioner's recommendation (Domain.Commissioner), due on its response date; closed when the response is recorded.
    RespondToCommissioner,
}

public enum WorkItemStatus
{
    Open,
    Completed,
    Cancelled,
}

public enum WorkItemPriority
{
    Normal,
    High,
    Urgent,
}

/// A human task. Offered to a candidate role in an office (or to a named agency or user); someone claims it or
/// a manager assigns it. Process steps close when the matching action is recorded on the review. Most belong to a review;
/// one with no review (ReviewId null) is the office's own (e.g. RespondToCommissioner): who sees and takes it is decided
/// by its office, role, agency and named person as for any other.
public sealed class WorkItem
{
    public long Id { get; set; }

    /// The review it belongs to; null for a task of the office that belongs to no review (e.g. answering the Domestic
    /// Abuse Commissioner): it then shows its own title and links to its own page (TaskPages).
    public int? ReviewId { get; set; }

    public WorkItemKind Kind { get; set; }

    public required string Title { get; set; }

    /// The stage that opened it (null for follow-ups).
    public Stage? Stage { get; set; }

    /// Closed by the engine when the review moves on; not completed from the queue.
    public bool IsProcessStep { get; set; }

    public Role? CandidateRole { get; set; }

    /// The review office whose staff may take it (the partnership's office).
    public int? OfficeId { get; set; }

    public int? AgencyId { get; set; }

    /// A named person (e.g. the appointed author) instead of a role.
    public string? CandidateUserId { get; set; }

    public string? AssigneeUserId { get; set; }

    /// What the manager who reassigned the task told its new assignee; cleared when it changes hands again.
    public string? AssignmentNote { get; set; }

    public DateTime? AssignedAtUtc { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateOnly? FollowUpDate { get; set; }

    public WorkItemPriority Priority { get; set; }

    public WorkItemStatus Status { get; set; }

    public string? Outcome { get; set; }

    public string? CompletedByUserId { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// Paused by the officer: the due date stops; resuming adds the paused days.
    public bool IsPaused { get; set; }

    public DateOnly? PausedSince { get; set; }

    /// The clock this task works to: its due date moves with the clock when a hold ends.
    public long? ClockId { get; set; }

    public ReviewClock? Clock { get; set; }

    /// Optimistic concurrency (claims race): incremented by the application on every change.
    public int Version { get; set; }

    public const int OutcomeMaxLength = 1000;

    public const int AssignmentNoteMaxLength = 500;

    public bool IsOpen => Status == WorkItemStatus.Open;

    /// Closed only by what it asks for, recorded on its own page (the response to the Commissioner), never from the
    /// queue with an outcome: otherwise the task would go while the recommendation stays unanswered.
    public static bool ClosesOnItsPage(WorkItemKind kind) => kind == WorkItemKind.RespondToCommissioner;

    /// May this person take the task (claim it, complete it, have it as theirs)? Staff of its office with its candidate
    /// role, a contact of its agency, or the person it names.
    public bool IsOfferedTo(Actor actor) =>
        (OfficeId is int office && actor.IsOfficeStaff && actor.OfficeIds.Contains(office) && (CandidateRole is not Role role || actor.Is(role)))
        || (AgencyId is int agency && actor.Is(Role.AgencyContact) && actor.AgencyIds.Contains(agency))
        || (CandidateUserId is not null && CandidateUserId == actor.UserId);

    public void Close(WorkItemStatus status, string? outcome, string? userId, DateTime nowUtc)
    {
        Status = status;
        Outcome = outcome;
        CompletedByUserId = userId;
        CompletedAtUtc = nowUtc;
        Version++;
    }

    /// Open again as it was before it was closed (its due date kept): the step that closed it was undone.
    public void Reopen()
    {
        Status = WorkItemStatus.Open;
        Outcome = null;
        CompletedByUserId = null;
        CompletedAtUtc = null;
        Version++;
    }

    public void Assign(string? userId, DateTime nowUtc, string? note = null)
    {
        AssigneeUserId = userId;
        AssignedAtUtc = userId is null ? null : nowUtc;
        AssignmentNote = note;
        Version++;
    }

    public void Pause(DateOnly today)
    {
        IsPaused = true;
        PausedSince = today;
        Version++;
    }

    /// Returns the calendar days paused, which move the due date (if any) on.
    public int Resume(DateOnly today)
    {
        var days = PausedSince is DateOnly since ? Math.Max(0, today.DayNumber - since.DayNumber) : 0;
        DueDate = DueDate?.AddDays(days);
        IsPaused = false;
        PausedSince = null;
        Version++;
        return days;
    }
}
