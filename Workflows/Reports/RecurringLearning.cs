using Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Reports;

/// An agency (or national body) that recommendations from more than one review were addressed to.
public sealed record RecurringAgencyRow(string AddressedTo, int Reviews, int Recommendations, IReadOnlyList<string> Themes);

/// A theme tagged on reviews notified after an action of an earlier recommendation with that theme was signed off.
public sealed record ThemeAfterSignOffRow(int ThemeId, string Theme, DateOnly FirstSignedOffOn, int LaterReviews);

/// The two recurrence tables of the learning page (issue 6): counts only, never a case.
public static class RecurringLearning
{
    public static async Task<(IReadOnlyList<RecurringAgencyRow> Agencies, IReadOnlyList<ThemeAfterSignOffRow> ThemesAfterSignOff)> BuildAsync(
        IReviewDb db, IQueryable<Domain.Reviews.Review> reviews, IReadOnlyDictionary<int, string> themeNames, CancellationToken ct)
    {
        var recommendations = await (from rec in db.Recommendations.AsNoTracking()
                                     join r in reviews on rec.ReviewId equals (int?)r.Id
                                     select new { rec.Id, ReviewId = r.Id, rec.AddressedToAgencyId, rec.AddressedToBody }).ToListAsync(ct);
        var recIds = recommendations.Select(r => r.Id).ToList();
        var recThemes = (await db.RecommendationThemes.AsNoTracking().Where(t => recIds.Contains(t.RecommendationId)).ToListAsync(ct))
            .ToLookup(t => t.RecommendationId, t => t.ThemeId);
        var agencyIds = recommendations.Where(r => r.AddressedToAgencyId != null).Select(r => r.AddressedToAgencyId!.Value).Distinct().ToList();
        var agencyNames = await db.Organisations.AsNoTracking().Where(o => agencyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var agencies = recommendations
            .Select(r => new
            {
                r.Id,
                r.ReviewId,
                To = r.AddressedToAgencyId is int a ? agencyNames.GetValueOrDefault(a) : r.AddressedToBody?.Trim(),
            })
            .Where(r => !string.IsNullOrEmpty(r.To))
            .GroupBy(r => r.To!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RecurringAgencyRow(g.First().To!, g.Select(r => r.ReviewId).Distinct().Count(), g.Count(),
                g.SelectMany(r => recThemes[r.Id]).Distinct().Select(t => themeNames.GetValueOrDefault(t) ?? "Unknown theme")
                    .Order(StringComparer.Ordinal).ToList()))
            .Where(r => r.Reviews > 1)
            .OrderByDescending(r => r.Reviews).ThenByDescending(r => r.Recommendations).ThenBy(r => r.AddressedTo, StringComparer.Ordinal)
            .ToList();

        // The earliest sign-off of an action of a recommendation tagged with each theme.
        var signedOff = await db.PlanActions.AsNoTracking()
            .Where(a => recIds.Contains(a.RecommendationId) && a.Status == ActionStatus.SignedOff && a.SignedOffOn != null)
            .Select(a => new { a.RecommendationId, a.SignedOffOn })
            .ToListAsync(ct);
        var firstSignOff = signedOff
            .SelectMany(a => recThemes[a.RecommendationId].Select(t => (Theme: t, On: a.SignedOffOn!.Value)))
            .GroupBy(x => x.Theme)
            .ToDictionary(g => g.Key, g => g.Min(x => x.On));
        var themeIds = firstSignOff.Keys.ToList();
        var tagged = await (from rt in db.ReviewThemes.AsNoTracking()
                            join r in reviews on rt.ReviewId equals r.Id
                            where themeIds.Contains(rt.ThemeId)
                            select new { rt.ThemeId, r.Id, r.DateNotified }).ToListAsync(ct);
        var afterSignOff = firstSignOff
            .Select(f => new ThemeAfterSignOffRow(f.Key, themeNames.GetValueOrDefault(f.Key) ?? "Unknown theme", f.Value,
                tagged.Where(t => t.ThemeId == f.Key && t.DateNotified > f.Value).Select(t => t.Id).Distinct().Count()))
            .Where(r => r.LaterReviews > 0)
            .OrderByDescending(r => r.LaterReviews).ThenBy(r => r.Theme, StringComparer.Ordinal)
            .ToList();
        return (agencies, afterSignOff);
    }
}
