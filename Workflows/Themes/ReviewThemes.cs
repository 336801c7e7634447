using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Themes;

/// A case update as at a date, typed at RecordedAtUtc by By.
public sealed record CaseUpdateView(long Id, string Text, DateOnly AsAt, DateTime RecordedAtUtc, string By, bool IsImported);

/// The themes and case updates section of a review page.
public sealed record ReviewLearning(IReadOnlyList<ThemeOption> Tagged, IReadOnlyList<ThemeOption> Available,
    IReadOnlyList<CaseUpdateView> Updates, bool CanChange)
{
    public CaseUpdateView? Latest => Updates.Count == 0 ? null : Updates[0];
}

/// Lead-office officers tag a review with themes and keep its case updates (history kept, newest first).
/// Readers of the review (CaseScope) see both; only the lead office changes them.
public sealed class ReviewThemesHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<ReviewLearning>> GetAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review themes", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, "view themes and updates", ct);
            return new AccessRefused("this review");
        }

        var tagged = await (from rt in db.ReviewThemes.AsNoTracking()
                            join t in db.Themes on rt.ThemeId equals t.Id
                            where rt.ReviewId == reviewId
                            orderby t.Group, t.SortOrder
                            select new ThemeOption(t.Id, t.Name, t.Group)).ToListAsync(ct);
        var active = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Group).ThenBy(t => t.SortOrder)
            .Select(t => new ThemeOption(t.Id, t.Name, t.Group)).ToListAsync(ct);
        var updates = await (from u in db.CaseUpdates.AsNoTracking()
                             where u.ReviewId == reviewId
                             join p in db.Users on u.ByUserId equals p.Id into authors
                             from p in authors.DefaultIfEmpty()
                             orderby u.AsAt descending, u.Id descending
                             select new CaseUpdateView(u.Id, u.Text, u.AsAt, u.RecordedAtUtc, p == null ? "Imported" : p.DisplayName, u.IsImported))
            .ToListAsync(ct);
        return new ReviewLearning(tagged, active, updates, access.CanChange);
    }

    public async Task<Result<bool>> SetThemesAsync(Actor actor, int reviewId, IReadOnlyCollection<int> themeIds, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseChangeAsync(db, actor, reviewId, "tag themes", ct) is { } refused)
        {
            return refused;
        }

        var wanted = themeIds.Distinct().ToHashSet();
        var current = await db.ReviewThemes.Where(t => t.ReviewId == reviewId).ToListAsync(ct);
        var currentIds = current.Select(c => c.ThemeId).ToHashSet();
        // A deactivated theme already on the review may stay; a new tag must be an active theme.
        var activeIds = await db.Themes.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(ct);
        if (wanted.Any(id => !currentIds.Contains(id) && !activeIds.Contains(id)))
        {
            return new ValidationFailed([new Error("One of the chosen themes is no longer in use: reload the page and choose again.", "Themes")]);
        }

        db.ReviewThemes.RemoveRange(current.Where(c => !wanted.Contains(c.ThemeId)));
        db.ReviewThemes.AddRange(wanted.Where(id => !currentIds.Contains(id)).Select(id => new ReviewTheme { ReviewId = reviewId, ThemeId = id }));
        var reference = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync(ct);
        audit.Add(db, actor, AuditAction.Changed, "Review themes", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, reference,
            $"themes set ({wanted.Count})");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// asAt: the date the update describes the review as at (today when not given): not in the future, not before the
    /// death was notified.
    public async Task<Result<long>> AddUpdateAsync(Actor actor, int reviewId, string? text, DateOnly? asAt = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseChangeAsync(db, actor, reviewId, "add case update", ct) is { } refused)
        {
            return refused;
        }

        var review = await db.Reviews.Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.DateNotified }).SingleAsync(ct);
        var on = asAt ?? clock.Today;
        var errors = new List<Error>();
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(new Error("Write the update: where the review stands now.", "Text"));
        }
        else if (trimmed.Length > CaseUpdate.TextMaxLength)
        {
            errors.Add(new Error($"The update must be {CaseUpdate.TextMaxLength} characters or fewer.", "Text"));
        }

        if (on > clock.Today)
        {
            errors.Add(new Error("The \"as at\" date cannot be in the future.", "AsAt"));
        }
        else if (on < review.DateNotified)
        {
            errors.Add(new Error("The \"as at\" date cannot be before the death was notified.", "AsAt"));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var update = new CaseUpdate { ReviewId = reviewId, Text = trimmed, AsAt = on, RecordedAtUtc = clock.UtcNow, ByUserId = actor.UserId };
        db.CaseUpdates.Add(update);
        var reference = review.Reference;
        audit.Add(db, actor, AuditAction.Created, "Case update", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, reference, "case update added");
        await db.SaveChangesAsync(ct);
        return update.Id;
    }

    private async Task<Error?> RefuseChangeAsync(IReviewDb db, Actor actor, int reviewId, string what, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (access.CanChange && actor.IsOfficeStaff)
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, what, ct);
        return new AccessRefused("changes to this review");
    }
}
