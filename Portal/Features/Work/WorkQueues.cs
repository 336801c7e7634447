using Workflows.WorkItems;

namespace Portal.Features.Work;

/// How each queue is named, addressed and explained, in the menu and on its page.
public sealed record QueueInfo(WorkQueue Queue, string Href, string Title, string Intro, string Empty);

public static class WorkQueues
{
    public const string OnHoldHref = "work/on-hold";

    public static readonly IReadOnlyList<QueueInfo> All =
    [
        new(WorkQueue.MyWork, "work/mine", "My work", "Tasks assigned to you, soonest due first.",
            "Nothing is assigned to you. Claim a task from the team queue to start on it."),
        new(WorkQueue.Team, "work/team", "Team queue", "Tasks for your roles in your office that nobody has claimed yet. Claim one to take it on.",
            "The team queue is empty: every task for your roles has been claimed."),
        new(WorkQueue.Overdue, "work/overdue", "Overdue", "Open tasks whose due date has passed (paused tasks are not counted).",
            "Nothing is overdue."),
        new(WorkQueue.DueSoon, "work/due-soon", $"Due in the next {WorkQueueQuery.DueSoonDays} days", "Open tasks due today or within the next two weeks.",
            $"Nothing falls due in the next {WorkQueueQuery.DueSoonDays} days."),
    ];

    public static QueueInfo For(WorkQueue queue) => All.Single(q => q.Queue == queue);

    public static int Count(this QueueCounts counts, WorkQueue queue) => queue switch
    {
        WorkQueue.MyWork => counts.MyWork,
        WorkQueue.Team => counts.Team,
        WorkQueue.Overdue => counts.Overdue,
        WorkQueue.DueSoon => counts.DueSoon,
        _ => 0,
    };
}

/// Tells the menu that a task changed without a navigation (a claim on the same page), so its counts refresh.
/// Scoped: one per circuit.
public sealed class WorkQueueEvents
{
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();
}
