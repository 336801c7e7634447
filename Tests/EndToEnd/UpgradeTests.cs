using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 17: a database made by the release before issue 17 (0ec0aa1, kept in Tests/Fixtures/Upgrade) upgrades in
/// place: today's portal starts on it, migrates it, and the officer whose authenticator was turned on in that release
/// signs in with their password and authenticator and reads a restricted name. On SQLite (its key ring beside it) and on
/// PostgreSQL (restored from its pg_dump).
[Collection(BrowserCollection.Name)]
public sealed class UpgradeTests(BrowserFixture browser)
{
    private static readonly UpgradeFixture Release = UpgradeFixture.Load("0ec0aa1");

    [Fact]
    public async Task SqliteDatabaseOfTheReleaseBefore_UpgradesInPlace_AndItsPeopleSignInWithTheirAuthenticator()
    {
        var data = Release.SqliteDataFolder();
        await using (var portal = new PortalFactory(DatabaseProvider.Sqlite, demoData: false, kestrel: true, dataPath: data))
        {
            await UpgradedAsync(portal, Release.File.Sqlite.AuthenticatorKey);
        }

        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task PostgresDatabaseOfTheReleaseBefore_UpgradesInPlace_AndItsPeopleSignInWithTheirAuthenticator()
    {
        var connection = await Release.PostgresDatabaseAsync();
        await using var portal = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, kestrel: true, postgresConnection: connection);
        await UpgradedAsync(portal, Release.File.Postgresql.AuthenticatorKey);
    }

    private async Task UpgradedAsync(PortalFactory portal, string authenticatorKey)
    {
        _ = portal.ServerAddress; // starts today's portal on the old database: it migrates
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReviewDb>().Database.GetPendingMigrationsAsync());
        }

        await DataUpgradedAsync(portal);

        var person = Release.File.Person;
        await using var tab = await PortalPage.OpenAsync(browser, portal);
        await tab.SignInWithAuthenticatorAsync(person.Email, person.Password, authenticatorKey);
        await tab.ExpectRestrictedNameAsync(Release.File.Restricted.ReviewId, Release.File.Restricted.DeceasedNames);
    }

    /// What an upgrade does to the data already there, checked on both providers after the portal has started on the
    /// old database. Add a check here when a change must fix up existing rows, e.g. existing journal rows get their
    /// event dates (issue 15), existing secrets get protected at start (issue 13).
    private static async Task DataUpgradedAsync(PortalFactory portal)
    {
        var restricted = Release.File.Restricted;
        var review = await portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == restricted.ReviewId)
            .Select(r => new { r.CaseLabel, Journal = db.JournalEntries.Count(j => j.ReviewId == r.Id) }).SingleAsync());
        Assert.Equal(restricted.CaseLabel, review.CaseLabel);
        Assert.True(review.Journal > 0, "The review's journal did not survive the upgrade.");
        // One rule for the lead office (issue 13): after RealignLeadOffices every review is led by its lead CSP's serving office.
        Assert.False(await portal.WithDbAsync(db => db.Reviews.AnyAsync(r =>
            db.Organisations.Any(c => c.Id == r.LeadCspId && c.ServingOfficeId != null && c.ServingOfficeId != r.LeadOfficeId))));
        // Documents stay files on upgrade (Documents:Store=Folder): DocumentContents is there, readable and empty.
        Assert.False(await portal.WithDbAsync(db => ((ReviewDb)db).DocumentContents.AnyAsync()));
    }
}
