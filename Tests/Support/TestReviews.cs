using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
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
}
