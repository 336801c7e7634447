using Workflows.Data;

namespace Workflows.Reports;

/// Seam for the panels feature: the date of each review's first panel meeting. Until it registers its own
/// implementation the board report shows "Not recorded" for that step.
public interface IFirstPanelDates
{
    Task<IReadOnlyDictionary<int, DateOnly>> ForAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct);
}

public sealed class NoFirstPanelDates : IFirstPanelDates
{
    public Task<IReadOnlyDictionary<int, DateOnly>> ForAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<int, DateOnly>>(new Dictionary<int, DateOnly>());
}

/// Seam for the action-plan feature: recommendations tagged with themes, counted by (theme, year of the review's
/// notification) over the given reviews. Null (the default) hides the recommendations column of the learning page.
public interface IRecommendationThemeCounts
{
    Task<IReadOnlyDictionary<(int ThemeId, int Year), int>?> CountAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct);
}

public sealed class NoRecommendationThemeCounts : IRecommendationThemeCounts
{
    public Task<IReadOnlyDictionary<(int ThemeId, int Year), int>?> CountAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<(int ThemeId, int Year), int>?>(null);
}
