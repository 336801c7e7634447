using Domain.Calendar;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Reports;

/// The date of each review's first panel meeting, for the board report's timeliness table.
public interface IFirstPanelDates
{
    Task<IReadOnlyDictionary<int, DateOnly>> ForAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct);
}

/// From the panel meetings: the London date of the earliest scheduled meeting's start (polls and cancelled meetings
/// do not count). Reviews without one are left out, so their step reads "so far".
public sealed class PanelMeetingFirstPanelDates : IFirstPanelDates
{
    public async Task<IReadOnlyDictionary<int, DateOnly>> ForAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct)
    {
        var starts = await db.PanelMeetings.AsNoTracking()
            .Where(m => reviewIds.Contains(m.ReviewId) && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc != null)
            .Select(m => new { m.ReviewId, m.StartsAtUtc })
            .ToListAsync(ct);
        return starts.GroupBy(m => m.ReviewId).ToDictionary(g => g.Key, g => London.DateOf(g.Min(m => m.StartsAtUtc!.Value)));
    }
}

/// Recommendations tagged with themes, counted by (theme, year of the review's notification) over the given reviews.
/// Null hides the recommendations column of the learning page.
public interface IRecommendationThemeCounts
{
    Task<IReadOnlyDictionary<(int ThemeId, int Year), int>?> CountAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct);
}

/// From the action plans: each recommendation counts once for each theme it is tagged with.
public sealed class ActionPlanRecommendationThemeCounts : IRecommendationThemeCounts
{
    public async Task<IReadOnlyDictionary<(int ThemeId, int Year), int>?> CountAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct)
    {
        var counts = await (from rt in db.RecommendationThemes
                            join rec in db.Recommendations on rt.RecommendationId equals rec.Id
                            join r in db.Reviews on rec.ReviewId equals r.Id
                            where reviewIds.Contains(rec.ReviewId)
                            group rt by new { rt.ThemeId, r.NotificationYear } into g
                            select new { g.Key.ThemeId, g.Key.NotificationYear, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => (c.ThemeId, c.NotificationYear), c => c.Count);
    }
}
