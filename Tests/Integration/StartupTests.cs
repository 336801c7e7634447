using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task FirstStart_CreatesTheDatabaseInTheDataFolder_InWalMode_WithTheDemoData()
    {
        await using var portal = new PortalFactory();
        var (organisations, users, reviews) = await portal.WithDbAsync(async db =>
            (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Reviews.CountAsync()));

        Assert.True(File.Exists(Path.Combine(portal.DataPath, "portal.db")));
        Assert.Equal(16, organisations); // 2 offices, 8 CSPs, 6 agencies
        Assert.Equal(9, users);
        Assert.Equal(15, reviews);
        var journalMode = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(journalMode));
    }

    [Fact]
    public async Task Start_GivesSqliteItsPlannerStatistics_AndARefreshFollowsTheGrowthOfATable()
    {
        await using var portal = new PortalFactory();
        // sqlite_stat1 holds, per index, the table's rows and then the rows per distinct key prefix.
        Task<int> AnalysedTimers() => portal.WithDbAsync(async db => int.Parse(
            (await db.Database.SqlQueryRaw<string>("SELECT stat AS Value FROM sqlite_stat1 WHERE idx = 'IX_Timers_Status_DueAtUtc'").SingleAsync()).Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture));

        var onStart = await AnalysedTimers();
        Assert.Equal(await portal.WithDbAsync(db => db.Timers.CountAsync()), onStart);

        // Sixty-four times as many timers (fired ones, which nothing reads): what years of cases do to the table.
        for (var i = 0; i < 6; i++)
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Timers\" (\"ReviewId\", \"Kind\", \"DueAtUtc\", \"Status\", \"ClockId\", \"WorkItemId\", \"CreatedAtUtc\") " +
                "SELECT \"ReviewId\", \"Kind\", \"DueAtUtc\", 'Fired', \"ClockId\", \"WorkItemId\", \"CreatedAtUtc\" FROM \"Timers\""));
        }

        await portal.Get<PlannerStatistics>().RefreshAsync();

        Assert.Equal(onStart * 64, await AnalysedTimers());
    }

    [Fact]
    public async Task SecondStart_OnTheSameDataFolder_KeepsTheData_AndDoesNotSeedAgain()
    {
        var dataPath = Directory.CreateTempSubdirectory("portal-restart-").FullName;
        int registeredId;
        await using (var first = new PortalFactory(dataPath: dataPath))
        {
            var officer = await first.ActorAsync(DemoAccounts.LrOfficer);
            var csps = await first.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));
            var result = await first.Get<RegisterNotificationHandler>().HandleAsync(officer, new Domain.Reviews.Notification(
                Domain.Reviews.ReviewType.Dardr, false, false, false, csps["Rutland CSP"], [], csps["Leicestershire Police"],
                new DateOnly(2026, 11, 20), 2026, 11, 1, "Case Restart 2026", null, null, null));
            registeredId = result.Value.Id;
        }

        await using var second = new PortalFactory(dataPath: dataPath);
        var (reviews, users, kept) = await second.WithDbAsync(async db =>
            (await db.Reviews.CountAsync(), await db.Users.CountAsync(), await db.Reviews.AnyAsync(r => r.Id == registeredId)));

        Assert.True(kept);
        Assert.Equal(16, reviews);
        Assert.Equal(9, users);
        Directory.Delete(dataPath, recursive: true);
    }

    /// On every response, not only pages: the sign-in redirect and the refusals made before any page runs (a Host not
    /// allowed) carry them too, so that no response of the portal can be framed or sniffed.
    [Theory]
    [InlineData("/Account/Login", null, 200)]
    [InlineData("/reviews/1", null, 302)]
    [InlineData("/health/live", null, 200)]
    [InlineData("/no-such-page", null, 404)]
    [InlineData("/Account/Login", "portal.attacker.example", 400)]
    public async Task SecurityHeaders_AreSent_OnEveryResponse(string path, string? host, int status)
    {
        await using var portal = new PortalFactory(demoData: false);
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task AnonymousRequest_ForAReview_IsSentToSignIn()
    {
        await using var portal = new PortalFactory(demoData: false);
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/reviews/1", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
