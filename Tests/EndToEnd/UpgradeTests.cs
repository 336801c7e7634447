using Domain.Calendar;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Data;

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
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(data, "portal.db")}"))
        {
            await old.OpenAsync();
            await ShapeOldDataAsync(old, at => $"'{at}'", "1");
        }

        SqliteConnection.ClearAllPools();
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
        await using (var old = new NpgsqlConnection(connection))
        {
            await old.OpenAsync();
            await ShapeOldDataAsync(old, at => $"'{at}+00'", "true");
        }

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

    /// Before the upgrade, in the old release's schema, some of its history is made as offices really left it (the demo
    /// recorded every step on its day): a decision recorded four days after it was made, a registration a week after
    /// the notification, a deadline that passed just after midnight in British Summer Time, and a decision imported from
    /// a tracker (stamped at noon of its date).
    private static async Task ShapeOldDataAsync(System.Data.Common.DbConnection old, Func<string, string> instant, string yes)
    {
        static string Review(string reference) => $"(SELECT \"Id\" FROM \"Reviews\" WHERE \"Reference\" = '{reference}')";
        string[] statements =
        [
            """UPDATE "Reviews" SET "DecidedOn" = '2024-03-04' WHERE "Reference" = 'LR-2024-001'""",
            $"""UPDATE "JournalEntries" SET "AtUtc" = {instant("2024-02-20 10:00:00")} WHERE "Kind" = 'Started' AND "ReviewId" = {Review("LR-2024-001")}""",
            $"""
            UPDATE "JournalEntries" SET "AtUtc" = {instant("2024-08-01 23:30:00")}
            WHERE "Id" = (SELECT MIN("Id") FROM "JournalEntries" WHERE "Kind" = 'Deadline' AND "ReviewId" = {Review("LR-2024-002")})
            """,
            """UPDATE "Reviews" SET "DecidedOn" = '2025-09-01' WHERE "Reference" = 'LR-2025-002'""",
            $"""
            UPDATE "JournalEntries" SET "IsImported" = {yes}, "AtUtc" = {instant("2025-09-09 11:00:00")}
            WHERE "Trigger" = 'RecordCriteriaMet' AND "ReviewId" = {Review("LR-2025-002")}
            """,
            // A pooled budget planned on a whole number of reviews (issue 18 makes it a number to one decimal place).
            """
            INSERT INTO "PooledBudgets" ("OfficeId", "FirstYearStart", "FirstYearOpeningReservePence", "ExpectedReviewsPerYear", "Version")
            VALUES ((SELECT "Id" FROM "Organisations" WHERE "Code" = 'LR'), 2025, 1200000, 3, 1)
            """,
            // A contribution invoiced and paid, before contributions had a state or could be in kind.
            $"""
            INSERT INTO "BudgetContributions" ("OfficeId", "FinancialYearStart", "PartnerName", "AmountPence", "InvoicedOn", "PaidOn", "CreatedAtUtc", "CreatedByUserId", "Version")
            VALUES ((SELECT "Id" FROM "Organisations" WHERE "Code" = 'LR'), 2025, 'Leicestershire County Council', 3000000, '2025-04-10', '2025-05-02',
                    {instant("2025-05-02 10:00:00")}, 'upgrade', 1)
            """,
        ];
        foreach (var sql in statements)
        {
            await using var command = old.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }

    /// What an upgrade does to the data already there, checked on both providers after the portal has started on the
    /// old database. Add a check here when a change must fix up existing rows, e.g. existing secrets get protected at
    /// start (issue 13).
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

        // Issue 15: every journal row has the date it happened, apart from when it was recorded (see ShapeOldDataAsync).
        var journal = await portal.WithDbAsync(db => db.JournalEntries.Join(db.Reviews, j => j.ReviewId, r => r.Id, (j, r) => new { r.Reference, j })
            .OrderBy(x => x.j.Id).Select(x => new { x.Reference, x.j.Kind, x.j.Trigger, x.j.OccurredOn, x.j.RecordedAtUtc, x.j.IsImported }).ToListAsync());
        Assert.True(journal.Count >= 60, $"{journal.Count} journal rows after the upgrade.");
        Assert.All(journal, j => Assert.InRange(j.OccurredOn, new DateOnly(2024, 1, 1), London.DateOf(j.RecordedAtUtc)));
        DateOnly On(string reference, Func<JournalKind, Trigger?, bool> which) =>
            journal.Where(j => j.Reference == reference && which(j.Kind, j.Trigger)).Select(j => j.OccurredOn).First();
        Assert.Equal(new DateOnly(2024, 2, 12), On("LR-2024-001", (k, _) => k == JournalKind.Started)); // notified
        Assert.Equal(new DateOnly(2024, 2, 22), On("LR-2024-001", (_, t) => t == Trigger.PresentToCrg));
        Assert.Equal(new DateOnly(2024, 3, 4), On("LR-2024-001", (_, t) => t == Trigger.RecordCriteriaMet)); // decided; recorded on the 8th
        Assert.Equal(new DateOnly(2024, 8, 2), On("LR-2024-002", (k, _) => k == JournalKind.Deadline)); // 00:30 in London
        Assert.Equal(new DateOnly(2025, 9, 9), On("LR-2025-002", (_, t) => t == Trigger.RecordCriteriaMet)); // imported: its own date
        Assert.True(journal.Single(j => j.Reference == "LR-2025-002" && j.Trigger == Trigger.RecordCriteriaMet).IsImported);

        // Issue 18: the one publication address a review kept is the first of its list; the themes added later are there.
        var links = await portal.WithDbAsync(db => db.PublicationLinks.Join(db.Reviews, l => l.ReviewId, r => r.Id, (l, r) => new { r.Reference, l.Url, l.Label }).ToListAsync());
        var published = Assert.Single(links, l => l.Reference == "LR-2024-001");
        Assert.Equal(("https://www.example.org/community-safety/dhr-case-a-2024", Domain.Submissions.PublicationLink.FirstLabel), (published.Url, published.Label));
        var laterThemes = Domain.Themes.Theme.AddedLater.Select(t => t.Name).ToList();
        Assert.Equal(laterThemes.Count, await portal.WithDbAsync(db => db.Themes.CountAsync(t => laterThemes.Contains(t.Name))));

        // Issue 13: the release kept real names and authenticator keys in plain; the start protected them (ProtectPlainValues).
        var raw = await portal.WithDbAsync(db => db.Database.SqlQuery<string>(
            $"SELECT \"DeceasedNames\" AS \"Value\" FROM \"ReviewRestrictedDetails\" WHERE \"ReviewId\" = {restricted.ReviewId} UNION ALL SELECT \"Value\" FROM \"AspNetUserTokens\"")
            .ToListAsync());
        Assert.True(raw.Count >= 2, "The restricted name and the officer's authenticator key should be there.");
        Assert.All(raw, value => Assert.StartsWith(AtRest.Prefix, value, StringComparison.Ordinal));
        Assert.All(raw, value => Assert.DoesNotContain(restricted.DeceasedNames, value, StringComparison.Ordinal));
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.TextBody.Contains("token=") || m.HtmlBody.Contains("token="))),
            "An invitation link with its token was left in an outbox body.");

        // Issue 18: whole numbers of expected reviews stay the same.
        Assert.Equal(3m, await portal.WithDbAsync(db => db.PooledBudgets.Select(b => b.ExpectedReviewsPerYear).SingleAsync()));
        var contribution = await portal.WithDbAsync(db => db.BudgetContributions.SingleAsync());
        Assert.Equal((false, false), (contribution.InKind, contribution.NotDrawnDown));
        Assert.Equal(Domain.Budget.ContributionState.Paid,
            Domain.Budget.ContributionStates.Of(new Domain.Budget.FinancialYear(contribution.FinancialYearStart), contribution.InvoicedOn, contribution.PaidOn, contribution.NotDrawnDown));
    }
}
