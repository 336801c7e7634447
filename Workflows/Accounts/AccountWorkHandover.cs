using Domain.Access;
using Workflows.Data;

namespace Workflows.Accounts;

/// What happens to a disabled account's work: its claimed items go back to their team queue, staged in the same
/// context as the disabling so both are saved together (Workflows/WorkItems/ReturnWorkToTeamQueue.cs).
public interface IAccountWorkHandover
{
    /// Returns how many open items were given back. `by` is the administrator who disabled the account (for the audit).
    Task<int> ReturnWorkToTeamQueueAsync(IReviewDb db, Actor by, string userId, CancellationToken ct);
}
