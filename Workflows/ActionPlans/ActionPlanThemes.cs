using Workflows.Data;

namespace Workflows.ActionPlans;

/// Theme names and choices for recommendations (the themes core).
internal static class ActionPlanThemes
{
    public static Task<Dictionary<int, List<string>>> NamesAsync(IReviewDb db, IReadOnlyCollection<int> recommendationIds, CancellationToken ct) =>
        Task.FromResult(new Dictionary<int, List<string>>());

    public static Task<IReadOnlyList<Choice>> ChoicesAsync(IReviewDb db, CancellationToken ct) => Task.FromResult<IReadOnlyList<Choice>>([]);
}
