using Workflows.Data;

namespace Workflows.Accounts;

/// What happens to a disabled account's work. The workflow engine (work items) implements this to return the
/// person's claimed items to their team queue, staged in the same context as the disabling so both are saved together.
/// Until the engine is merged there is no work to return.
public interface IAccountWorkHandover
{
    Task ReturnWorkToTeamQueueAsync(IReviewDb db, string userId, CancellationToken ct);
}

internal sealed class NoWorkItemsYet : IAccountWorkHandover
{
    public Task ReturnWorkToTeamQueueAsync(IReviewDb db, string userId, CancellationToken ct) => Task.CompletedTask;
}
