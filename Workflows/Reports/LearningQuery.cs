using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reports;

/// One theme's counts: reviews tagged with it per year of notification, and the recommendations tagged with it.
public sealed record LearningRow(int ThemeId, string Theme, ThemeGroup Group, IReadOnlyDictionary<int, int> ReviewsByYear,
    IReadOnlyDictionary<int, int> RecommendationsByYear)
{
    public int Total => ReviewsByYear.Values.Sum();

    /// Seen in two or more years: a theme that keeps coming back.
    public bool Recurs => ReviewsByYear.Count(y => y.Value > 0) >= 2;
}

public sealed record LearningReport(IReadOnlyList<int> Years, IReadOnlyList<LearningRow> Rows,
    IReadOnlyList<RecurringAgencyRow> RecurringAgencies, IReadOnlyList<ThemeAfterSignOffRow> ThemesAfterSignOff)
{
    public IReadOnlyList<LearningRow> Recurring => Rows.Where(r => r.Recurs).OrderByDescending(r => r.Total).ToList();
}

/// Counts by theme across reviews and years: aggregates only, never a case. Office staff count the reviews they may
/// read; board members the reviews their own office's CSPs lead or take part in (ReportAccess); the data protection
/// officer every review.
public sealed class LearningQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<LearningReport>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        IQueryable<Domain.Reviews.Review> reviews;
        if (actor.Is(Role.DataProtectionOfficer))
        {
            reviews = db.Reviews.AsNoTracking();
        }
        else if (actor.IsOfficeStaff)
        {
            reviews = (await CaseScope.LoadAsync(db, actor, ct)).Readable(db.Reviews.AsNoTracking());
        }
        else if (actor.Is(Role.BoardMember))
        {
            var served = await ReportAccess.ServedCspIdsAsync(db, actor, ct);
            reviews = db.Reviews.AsNoTracking().Where(r => served.Contains(r.LeadCspId) || r.InvolvedCsps.Any(c => served.Contains(c.CspId)));
        }
        else
        {
            await audit.RefusedAsync(db, actor, "Learning", null, null, "learning report", ct);
            return new AccessRefused("the learning report");
        }

        var tags = await (from r in reviews
                          join rt in db.ReviewThemes on r.Id equals rt.ReviewId
                          group r by new { rt.ThemeId, r.NotificationYear } into g
                          select new { g.Key.ThemeId, g.Key.NotificationYear, Count = g.Count() }).ToListAsync(ct);
        var reviewIds = await reviews.Select(r => r.Id).ToListAsync(ct);
        var recs = await RecommendationThemeCountsAsync(db, reviewIds, ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Group).ThenBy(t => t.SortOrder).ToListAsync(ct);
        var years = tags.Select(t => t.NotificationYear).Concat(recs.Keys.Select(k => k.Year)).Distinct().Order().ToList();
        var rows = themes
            .Select(t => new LearningRow(t.Id, t.Name, t.Group,
                tags.Where(x => x.ThemeId == t.Id).ToDictionary(x => x.NotificationYear, x => x.Count),
                recs.Where(x => x.Key.ThemeId == t.Id).ToDictionary(x => x.Key.Year, x => x.Value)))
            // Deactivated themes stay while they still count something.
            .Where(r => IsShown(themes, r))
            .ToList();
        var (agencies, afterSignOff) = await RecurringLearning.BuildAsync(db, reviews, themes.ToDictionary(t => t.Id, t => t.Name), ct);
        audit.Add(db, actor, AuditAction.Viewed, "Learning", detail: "learning report");
        await db.SaveChangesAsync(ct);
        return new LearningReport(years, rows, agencies, afterSignOff);
    }

    /// Recommendations tagged with themes, counted by (theme, year of the review's notification) over the given
    /// reviews: each recommendation counts once for each theme it is tagged with.
    private static async Task<Dictionary<(int ThemeId, int Year), int>> RecommendationThemeCountsAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds,
        CancellationToken ct)
    {
        var counts = await (from rt in db.RecommendationThemes
                            join rec in db.Recommendations on rt.RecommendationId equals rec.Id
                            join r in db.Reviews on rec.ReviewId equals (int?)r.Id
                            where reviewIds.Contains(r.Id)
                            group rt by new { rt.ThemeId, r.NotificationYear } into g
                            select new { g.Key.ThemeId, g.Key.NotificationYear, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => (c.ThemeId, c.NotificationYear), c => c.Count);
    }

    private static bool IsShown(List<Theme> themes, LearningRow row) =>
        themes.Single(t => t.Id == row.ThemeId).IsActive || row.Total > 0 || row.RecommendationsByYear.Values.Sum() > 0;
}
