using Domain.Workflow;

namespace Workflows.Process;

/// What closing a review ends beyond its own tasks, clocks and timers (which the definition's effects end), who is
/// told, and what reopening it gives back. The engine calls it in the command's context whenever a person's command
/// moves a review to Closed (closed after its action plan, closed without a review, stopped) or reopens it, so every
/// way of closing does the same, in the same transaction. Answered by Reviews (ClosingWork). An import replays history
/// and calls nothing.
public interface IClosingWork
{
    Task ClosedAsync(ReviewCommand command, Trigger trigger, CancellationToken ct);

    /// Before the reopening step: notes added to `changes` go into its journal entry.
    Task ReopeningAsync(ReviewCommand command, CaseChanges changes, ClosingStep close, CancellationToken ct);
}
