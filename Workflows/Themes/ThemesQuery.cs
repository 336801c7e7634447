using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Themes;

public sealed record ThemeOption(int Id, string Name, ThemeGroup Group);

/// The themes a picker offers (reviews, recommendations): active ones, grouped and in the administrators' order.
/// Theme names are not case data, so any signed-in user may read them.
public sealed class ThemesQuery(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<ThemeOption>> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await db.Themes.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.Group).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new ThemeOption(t.Id, t.Name, t.Group)).ToListAsync(ct);
    }
}
