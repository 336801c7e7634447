using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Reviews;
using Xunit;

namespace Portal.Testing;

/// Reviews a test owns: registered through the real handler (which starts the process), as an officer would.
public static class TestReviews
{
    public static async Task<int> RegisterReviewAsync(this PortalFactory portal, DateOnly notified, string csp = "Rutland CSP",
        string by = DemoAccounts.LrOfficer)
    {
        var officer = await portal.ActorAsync(by);
        var ids = await portal.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));
        var result = await portal.Get<RegisterNotificationHandler>().HandleAsync(officer, new Notification(
            ReviewType.Dardr, false, false, false, ids[csp], [], ids["Leicestershire Police"], notified, notified.Year, notified.Month, 1,
            $"Case E{Guid.NewGuid():N}"[..20], null, null, "A summary."));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value.Id;
    }

    /// A review's real name (of the deceased), read as the lead office reads it (the row holds it protected: AtRest).
    public static async Task<string> RealNameAsync(this PortalFactory portal, int reviewId) => portal.Get<AtRest>().Unprotect(AtRest.DeceasedNames,
        await portal.WithDbAsync(db => db.RestrictedDetails.Where(r => r.ReviewId == reviewId).Select(r => r.DeceasedNames!).SingleAsync()))!;

    /// Every real name the portal holds, read as an allowed reader sees them (the rows hold them protected: AtRest).
    public static async Task<IReadOnlyList<string>> RealNamesAsync(this PortalFactory portal)
    {
        var atRest = portal.Get<AtRest>();
        var rows = await portal.WithDbAsync(db => db.RestrictedDetails.AsNoTracking().ToListAsync());
        return rows.SelectMany(r => new[] { atRest.Unprotect(AtRest.DeceasedNames, r.DeceasedNames), atRest.Unprotect(AtRest.PerpetratorNames, r.PerpetratorNames) })
            .OfType<string>().ToList();
    }
}
