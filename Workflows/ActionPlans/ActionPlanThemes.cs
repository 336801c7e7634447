using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.ActionPlans;

/// Theme names and choices for recommendations (the themes core: Domain.Themes.Theme).
internal static class ActionPlanThemes
{
    /// Each recommendation's theme names, in the administrators' order.
    public static async Task<Dictionary<int, List<string>>> NamesAsync(IReviewDb db, IReadOnlyCollection<int> recommendationIds, CancellationToken ct)
    {
        var rows = await (from rt in db.RecommendationThemes.AsNoTracking()
                          join t in db.Themes on rt.ThemeId equals t.Id
                          where recommendationIds.Contains(rt.RecommendationId)
                          orderby t.SortOrder, t.Name
                          select new { rt.RecommendationId, t.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.RecommendationId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).ToList());
    }

    public static async Task<IReadOnlyList<Choice>> ChoicesAsync(IReviewDb db, CancellationToken ct) =>
        await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);

    public static Task<int> CountActiveAsync(IReviewDb db, IReadOnlyCollection<int> themeIds, CancellationToken ct) =>
        db.Themes.CountAsync(t => themeIds.Contains(t.Id) && t.IsActive, ct);
}
