using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Themes;

public sealed record ThemeRow(int Id, string Name, ThemeGroup Group, bool IsActive, int SortOrder, int ReviewCount);

/// Administrators keep the theme list: add, rename, deactivate and reactivate. There is no delete: a theme that
/// tagged a review stays, deactivated, so counts across years remain comparable.
public sealed class ThemeAdminHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<ThemeRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "list themes", ct) is { } refused)
        {
            return refused;
        }

        var counts = await db.ReviewThemes.AsNoTracking().GroupBy(t => t.ThemeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Group).ThenBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        return themes.Select(t => new ThemeRow(t.Id, t.Name, t.Group, t.IsActive, t.SortOrder, counts.GetValueOrDefault(t.Id))).ToList();
    }

    public async Task<Result<int>> AddAsync(Actor actor, string? name, ThemeGroup group, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "add theme", ct) is { } refused)
        {
            return refused;
        }

        if (await ValidateAsync(db, name, null, ct) is { } invalid)
        {
            return invalid;
        }

        var last = await db.Themes.Where(t => t.Group == group).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var theme = new Theme { Name = name!.Trim(), Group = group, SortOrder = last + 10 };
        db.Themes.Add(theme);
        // The audit row names the theme's id, known once the theme is saved: both are saved in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, "Theme", theme.Id.ToString(CultureInfo.InvariantCulture), detail: "theme added");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return theme.Id;
    }

    public async Task<Result<bool>> RenameAsync(Actor actor, int themeId, string? name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "rename theme", ct) is { } refused)
        {
            return refused;
        }

        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null)
        {
            return new NotFound("The theme");
        }

        if (await ValidateAsync(db, name, themeId, ct) is { } invalid)
        {
            return invalid;
        }

        theme.Name = name!.Trim();
        audit.Add(db, actor, AuditAction.Changed, "Theme", themeId.ToString(CultureInfo.InvariantCulture), detail: "theme renamed");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<bool>> SetActiveAsync(Actor actor, int themeId, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "change theme", ct) is { } refused)
        {
            return refused;
        }

        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null)
        {
            return new NotFound("The theme");
        }

        theme.IsActive = active;
        audit.Add(db, actor, AuditAction.Changed, "Theme", themeId.ToString(CultureInfo.InvariantCulture),
            detail: active ? "theme reactivated" : "theme deactivated");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> RefuseAsync(IReviewDb db, Actor actor, string what, CancellationToken ct)
    {
        if (actor.Is(Role.Administrator))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "Theme", null, null, what, ct);
        return new AccessRefused("the theme list");
    }

    private static async Task<Error?> ValidateAsync(IReviewDb db, string? name, int? exceptId, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new ValidationFailed([new Error("Enter the theme's name.", "Name")]);
        }

        if (trimmed.Length > Theme.NameMaxLength)
        {
            return new ValidationFailed([new Error($"The name must be {Theme.NameMaxLength} characters or fewer.", "Name")]);
        }

        var lower = trimmed.ToLowerInvariant();
        var names = await db.Themes.Where(t => t.Id != exceptId).Select(t => t.Name).ToListAsync(ct);
        return names.Any(n => n.ToLowerInvariant() == lower)
            ? new ValidationFailed([new Error("A theme with that name already exists: choose another name, or reactivate it.", "Name")])
            : null;
    }
}
