namespace Domain.Workflow;

public enum TimerKind
{
    /// A clock's due date passed: mark it overdue, raise its tasks' priority, write the journal.
    ClockDue,
    /// A task's own due date passed (e.g. the hold's expected review date).
    WorkItemDue,
}

public enum TimerStatus
{
    Pending,
    /// Taken by one sweep (conditional update), being fired.
    Claimed,
    Fired,
    Cancelled,
}

/// A durable deadline: an absolute UTC instant in our own table, so that nothing is lost when the portal (or
/// Hangfire's in-memory storage) restarts. A sweep claims due timers and fires each once.
public sealed class WorkflowTimer
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public TimerKind Kind { get; set; }

    /// When it falls due: for a due date, 00:00 London time on the day after.
    public DateTime DueAtUtc { get; set; }

    public TimerStatus Status { get; set; }

    public long? ClockId { get; set; }

    public ReviewClock? Clock { get; set; }

    public long? WorkItemId { get; set; }

    public WorkItem? WorkItem { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedAtUtc { get; set; }

    public DateTime? FiredAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
