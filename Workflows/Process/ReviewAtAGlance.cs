using Domain.Workflow;

namespace Workflows.Process;

/// The summary at the top of the review page, read from the process panel's view so the two never disagree.
public static class ReviewAtAGlance
{
    // Always on offer while a review is open: they are never "the next thing to do".
    private static readonly HashSet<Trigger> SideActions = [Trigger.PutOnHold, Trigger.StopReview];

    /// The first action the person can take now that moves the review on; a side action (hold, stop) only when it is
    /// the only one; null when they can take none.
    public static ActionOption? NextAction(IReadOnlyList<ActionOption> actions) =>
        actions.FirstOrDefault(a => a.IsAvailable && !SideActions.Contains(a.Trigger)) ?? actions.FirstOrDefault(a => a.IsAvailable);

    /// The running clock due soonest (the same due text and "late" rule as the queues: overdue from the day after the
    /// due date); while every clock is paused, the paused one due soonest; null when no clock is open.
    public static ClockView? NextDeadline(IReadOnlyList<ClockView> clocks) =>
        clocks.Where(c => c.Status == ClockStatus.Running).MinBy(c => c.DueDate)
        ?? clocks.Where(c => c.Status == ClockStatus.Paused).MinBy(c => c.DueDate);
}
