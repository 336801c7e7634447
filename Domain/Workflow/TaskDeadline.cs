using System.Linq.Expressions;
using Domain.Calendar;

namespace Domain.Workflow;

/// When a task is due and whether that date is running: the one rule that every queue, badge, dashboard figure and
/// email about late tasks uses (as query filters, and in memory for the words beside a date).
/// A task that works to a clock follows it: the clock's date is its date (copied when the task opens and again when a
/// hold ends; read from the clock when the task has none of its own, e.g. the QA outcome's chase date), and it stops
/// while the clock is paused, so a review on hold has no overdue tasks. Other tasks (Review the hold, agency requests,
/// follow-ups) keep their own dates and stop only when an officer pauses them.
public static class TaskDeadline
{
    /// The date the task is due, or null when it has none.
    public static readonly Expression<Func<WorkItem, DateOnly?>> Due =
        w => w.DueDate ?? (w.Clock == null ? null : (DateOnly?)w.Clock.DueDate);

    /// Its clock is paused because the review is on hold.
    public static readonly Expression<Func<WorkItem, bool>> OnHold =
        w => w.Clock != null && w.Clock.Status == ClockStatus.Paused;

    /// Its due date is not running: an officer paused the task, or its clock is paused.
    public static readonly Expression<Func<WorkItem, bool>> Paused =
        w => w.IsPaused || (w.Clock != null && w.Clock.Status == ClockStatus.Paused);

    private static readonly Func<WorkItem, DateOnly?> DueOf = Due.Compile();
    private static readonly Func<WorkItem, bool> OnHoldOf = OnHold.Compile();
    private static readonly Func<WorkItem, bool> PausedOf = Paused.Compile();

    /// Running and due before today (the day after the due date is the first day overdue).
    public static Expression<Func<WorkItem, bool>> OverdueOn(DateOnly today) => Where((due, paused) => !paused && due != null && due < today);

    /// Running and due between these days, both included.
    public static Expression<Func<WorkItem, bool>> DueBetween(DateOnly from, DateOnly to) =>
        Where((due, paused) => !paused && due != null && due >= from && due <= to);

    /// Running and due on or before this day (overdue included).
    public static Expression<Func<WorkItem, bool>> DueBy(DateOnly day) => Where((due, paused) => !paused && due != null && due <= day);

    /// Soonest due first (latest first when descending), undated last, by the rule's date: T holds the task.
    public static IOrderedQueryable<T> OrderByDue<T>(IQueryable<T> rows, Expression<Func<T, WorkItem>> task, bool descending)
    {
        var row = task.Parameters[0];
        var due = new Substitute(new() { [Due.Parameters[0]] = task.Body }).Visit(Due.Body);
        var undated = Expression.Lambda<Func<T, bool>>(Expression.Equal(due, Expression.Constant(null, typeof(DateOnly?))), row);
        var date = Expression.Lambda<Func<T, DateOnly?>>(due, row);
        var first = rows.OrderBy(undated);
        return descending ? first.ThenByDescending(date) : first.ThenBy(date);
    }

    /// The rule read for one task in memory (its Clock loaded when it works to one).
    public static TaskDue Of(WorkItem item) => new(DueOf(item), PausedOf(item), OnHoldOf(item));

    /// A test on (due date, paused) made into a filter on tasks that a query can run.
    private static Expression<Func<WorkItem, bool>> Where(Expression<Func<DateOnly?, bool, bool>> test)
    {
        var task = Expression.Parameter(typeof(WorkItem), "w");
        var body = new Substitute(new()
        {
            [test.Parameters[0]] = new Substitute(new() { [Due.Parameters[0]] = task }).Visit(Due.Body),
            [test.Parameters[1]] = new Substitute(new() { [Paused.Parameters[0]] = task }).Visit(Paused.Body),
        }).Visit(test.Body);
        return Expression.Lambda<Func<WorkItem, bool>>(body, task);
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => with.TryGetValue(node, out var e) ? e : node;
    }
}

/// One task's due date as the rule reads it.
public sealed record TaskDue(DateOnly? Date, bool IsPaused, bool IsOnHold)
{
    public bool IsOverdueOn(DateOnly today) => !IsPaused && Date is DateOnly due && DueText.IsOverdue(due, today);

    /// Calendar days past the due date (0 when not overdue or not running).
    public int DaysOverdue(DateOnly today) => IsOverdueOn(today) ? -DueText.DaysLeft(Date!.Value, today) : 0;

    /// Beside the date: "in 3 days", "5 days overdue", "paused (on hold)" like its clock, or "paused" by an officer.
    public string? Describe(DateOnly today) => Date is not DateOnly due ? null
        : IsOnHold ? "paused (on hold)"
        : IsPaused ? "paused"
        : DueText.Describe(due, today);
}
