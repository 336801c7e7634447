using Workflows.Data;

namespace Workflows.Process;

/// What the process's guards read besides the review row. Each value lives in a feature's own tables and comes from
/// the answer that feature registers; the engine loads them with the review (WorkflowEngine.FactsAsync), so no guard
/// reads a value that a caller forgot to set. To add one: a property here, a small interface below, its answer in the
/// feature (registered in the feature's Add method) and a line in FactsAsync.
/// LastClose, for a closed review, is its last close from the journal: where reopening returns to.
public sealed record GuardFacts(int ActionsNotSignedOff, ClosingStep? LastClose = null)
{
    /// A review with nothing in the features' tables (just registered, or a diagram of the definition).
    public static GuardFacts None { get; } = new(ActionsNotSignedOff: 0);
}

/// "How many of this review's actions are not signed off?": the guard on closing a review. Answered by ActionPlans.
public interface IUnsignedActions
{
    Task<int> CountAsync(IReviewDb db, int reviewId, CancellationToken ct);
}
