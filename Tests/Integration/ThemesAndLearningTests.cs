using Domain;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Themes;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Reports;
using Workflows.Themes;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// The theme list (administrators), tagging reviews (lead office) and the learning counts (aggregates only).
public abstract class ThemesAndLearningTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task Themes_SeededAddedRenamedDeactivated_NeverDeleted()
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var handler = Portal.Get<ThemeAdminHandler>();
        var seeded = (await handler.ListAsync(admin)).Value;
        Assert.True(Theme.Seed.All(s => seeded.Any(t => t.Name == s.Name)));
        Assert.Contains(seeded, t => t.Name == "Professional curiosity" && t.Group == ThemeGroup.Practice);

        var name = $"Honour {Guid.NewGuid():N}"[..16];
        var added = await handler.AddAsync(admin, name, ThemeGroup.Abuse);
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.True(added.Value > Theme.Seed.Max(t => t.Id)); // above the seeded ids on both providers
        Assert.Equal("Name", ((ValidationFailed)(await handler.AddAsync(admin, name.ToUpperInvariant(), ThemeGroup.Abuse)).Error!).Errors[0].Field);
        Assert.IsType<ValidationFailed>((await handler.AddAsync(admin, "  ", ThemeGroup.Abuse)).Error);
        Assert.IsType<ValidationFailed>((await handler.RenameAsync(admin, added.Value, new string('x', Theme.NameMaxLength + 1))).Error);
        Assert.True((await handler.RenameAsync(admin, added.Value, name + " renamed")).IsSuccess);
        Assert.True((await handler.SetActiveAsync(admin, added.Value, false)).IsSuccess);
        Assert.DoesNotContain(await Portal.Get<ThemesQuery>().ActiveAsync(), t => t.Id == added.Value);
        Assert.Contains((await handler.ListAsync(admin)).Value, t => t.Id == added.Value && !t.IsActive && t.Name == name + " renamed");

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.IsType<AccessRefused>((await handler.AddAsync(officer, "Other", ThemeGroup.Abuse)).Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.LrOfficer && a.Action == AuditAction.Refused && a.Subject == "Theme")));
    }

    [Fact]
    public async Task ThemesAddedLater_SeededOnce_LastInTheirGroup_AndNotAddedAgainWhateverTheCase()
    {
        var statements = Portal.PostgresConnection is null ? ThemesAddedLater.Sqlite : ThemesAddedLater.PostgreSql;
        await Portal.WithDbAsync(async db =>
        {
            foreach (var later in Theme.AddedLater)
            {
                var theme = await db.Themes.SingleAsync(t => t.Name == later.Name);
                Assert.Equal(later.Group, theme.Group);
                Assert.True(theme.IsActive);
            }

            // Run again, and after an administrator renamed one in another case: nothing added twice.
            await using var tx = await db.Database.BeginTransactionAsync();
            var barriers = await db.Themes.SingleAsync(t => t.Name == "Barriers to engagement");
            barriers.Name = "BARRIERS TO ENGAGEMENT";
            await db.SaveChangesAsync();
            var count = await db.Themes.CountAsync();
            foreach (var sql in statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            Assert.Equal(count, await db.Themes.CountAsync());

            // A database without it gets it, after the others of its group.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Themes" WHERE "Name" = 'BARRIERS TO ENGAGEMENT'""");
            foreach (var sql in statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            var added = await db.Themes.AsNoTracking().SingleAsync(t => t.Name == "Barriers to engagement");
            Assert.Equal(ThemeGroup.Circumstance, added.Group);
            Assert.True(await db.Themes.Where(t => t.Group == ThemeGroup.Circumstance && t.Id != added.Id).AllAsync(t => t.SortOrder < added.SortOrder));
            await tx.RollbackAsync();
            return true;
        });
    }

    [Fact]
    public async Task Learning_CountsTaggedReviewsByThemeAndYear_AndRecurringThemes()
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var recurring = (await Portal.Get<ThemeAdminHandler>().AddAsync(admin, $"Recurs {Guid.NewGuid():N}"[..14], ThemeGroup.Practice)).Value;
        var once = (await Portal.Get<ThemeAdminHandler>().AddAsync(admin, $"Once {Guid.NewGuid():N}"[..12], ThemeGroup.Circumstance)).Value;
        var tagger = Portal.Get<ReviewThemesHandler>();
        var r2025a = await Portal.RegisterReviewAsync(new DateOnly(2025, 3, 4));
        var r2025b = await Portal.RegisterReviewAsync(new DateOnly(2025, 9, 30));
        var r2026 = await Portal.RegisterReviewAsync(new DateOnly(2026, 2, 1));
        Assert.True((await tagger.SetThemesAsync(officer, r2025a, [recurring, once])).IsSuccess);
        Assert.True((await tagger.SetThemesAsync(officer, r2025b, [recurring])).IsSuccess);
        Assert.True((await tagger.SetThemesAsync(officer, r2026, [recurring, 1])).IsSuccess);
        // A Kent review with the same theme: not counted for LR's board member or staff (issue 13, finding 5).
        var kentReview = await Portal.RegisterReviewAsync(new DateOnly(2026, 3, 1), "Dover CSP", DemoAccounts.KentOfficer);
        Assert.True((await tagger.SetThemesAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), kentReview, [recurring])).IsSuccess);
        // Setting again replaces the set: the first theme comes off.
        Assert.True((await tagger.SetThemesAsync(officer, r2026, [recurring])).IsSuccess);
        var view = (await tagger.GetAsync(officer, r2026)).Value;
        Assert.Equal([recurring], view.Tagged.Select(t => t.Id));
        Assert.True(view.CanChange);

        foreach (var who in new[] { DemoAccounts.BoardMember, DemoAccounts.LrManager })
        {
            var learning = await Portal.Get<LearningQuery>().HandleAsync(await Portal.ActorAsync(who));
            Assert.True(learning.IsSuccess, learning.Error?.Message);
            var row = learning.Value.Rows.Single(r => r.ThemeId == recurring);
            Assert.Equal(2, row.ReviewsByYear[2025]);
            Assert.Equal(1, row.ReviewsByYear[2026]);
            Assert.Equal(3, row.Total);
            Assert.Contains(learning.Value.Recurring, r => r.ThemeId == recurring);
            Assert.DoesNotContain(learning.Value.Recurring, r => r.ThemeId == once);
        }

        // Kent's officer counts only the reviews Kent serves: its own, none of these.
        var kent = await Portal.Get<LearningQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer));
        Assert.Equal(1, kent.Value.Rows.Single(r => r.ThemeId == recurring).Total);
        Assert.IsType<AccessRefused>((await Portal.Get<LearningQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.CrgMember))).Error);
    }

    [Fact]
    public async Task Learning_CountsRecommendationsByTheme_RecurringAgencies_AndThemesBackAfterSignOff()
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var theme = (await Portal.Get<ThemeAdminHandler>().AddAsync(admin, $"Signed {Guid.NewGuid():N}"[..14], ThemeGroup.Practice)).Value;
        var body = $"Home Office {Guid.NewGuid():N}"[..20];
        var first = await ReviewAtSignOffAsync(Portal);
        var second = await ReviewAtSignOffAsync(Portal);
        var signedOffRecommendation = await RecommendationAsync(Portal, first, "Leicestershire Police", theme);
        await RecommendationAsync(Portal, second, "Leicestershire Police", theme);
        await RecommendationAsync(Portal, second, "Leicestershire Police");
        foreach (var review in new[] { first, second })
        {
            var national = await Portal.Get<RecordRecommendationHandler>().HandleAsync(officer, review,
                new RecommendationInput("Statutory guidance to cover separation.", RecommendationLevel.National, null, body, [theme]));
            Assert.True(national.IsSuccess, national.Error?.Message);
        }

        var action = await ActionAsync(Portal, first, signedOffRecommendation);
        await CompleteAsync(Portal, action);
        Assert.True((await Portal.Get<DecideActionHandler>().SignOffAsync(officer, action, null)).IsSuccess);
        var signedOffOn = Today(Portal);
        var tagger = Portal.Get<ReviewThemesHandler>();
        Assert.True((await tagger.SetThemesAsync(officer, first, [theme])).IsSuccess); // notified before the sign-off: not counted
        Portal.Time.Advance(TimeSpan.FromDays(40));
        var later = await Portal.RegisterReviewAsync(Today(Portal).AddDays(-3));
        var sameDay = await Portal.RegisterReviewAsync(signedOffOn); // notified the day it was signed off: not after it
        Assert.True((await tagger.SetThemesAsync(officer, later, [theme])).IsSuccess);
        Assert.True((await tagger.SetThemesAsync(officer, sameDay, [theme])).IsSuccess);

        foreach (var who in new[] { DemoAccounts.BoardMember, DemoAccounts.LrManager })
        {
            var learning = (await Portal.Get<LearningQuery>().HandleAsync(await Portal.ActorAsync(who))).Value;
            var row = learning.Rows.Single(r => r.ThemeId == theme);
            Assert.Equal(4, row.RecommendationsByYear.Values.Sum());
            var national = learning.RecurringAgencies.Single(a => a.AddressedTo == body);
            Assert.Equal((2, 2), (national.Reviews, national.Recommendations));
            Assert.Contains(row.Theme, national.Themes);
            var police = learning.RecurringAgencies.Single(a => a.AddressedTo == "Leicestershire Police");
            Assert.True(police.Reviews >= 2 && police.Recommendations >= 3 && police.Themes.Contains(row.Theme));
            var back = learning.ThemesAfterSignOff.Single(t => t.ThemeId == theme);
            Assert.Equal((signedOffOn, 1), (back.FirstSignedOffOn, back.LaterReviews));
        }

        // Kent's officer reads none of these reviews, so none of it is counted for them.
        var kent = (await Portal.Get<LearningQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer))).Value;
        Assert.DoesNotContain(kent.RecurringAgencies, a => a.AddressedTo == body);
        Assert.DoesNotContain(kent.ThemesAfterSignOff, t => t.ThemeId == theme);
    }

    [Fact]
    public async Task CaseUpdates_KeepHistory_LatestFirst_BadInputRefused()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<ReviewThemesHandler>();
        var id = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        Assert.Equal("Text", ((ValidationFailed)(await handler.AddUpdateAsync(officer, id, "   ")).Error!).Errors[0].Field);
        Assert.IsType<ValidationFailed>((await handler.AddUpdateAsync(officer, id, new string('x', 1001))).Error);
        Assert.True((await handler.AddUpdateAsync(officer, id, "Awaiting trial date")).IsSuccess);
        Portal.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await handler.AddUpdateAsync(officer, id, "Trial listed for March")).IsSuccess);
        var view = (await handler.GetAsync(officer, id)).Value;
        Assert.Equal(["Trial listed for March", "Awaiting trial date"], view.Updates.Select(u => u.Text));
        Assert.Equal("Trial listed for March", view.Latest!.Text);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Subject == "Case update")));
    }

    [Fact]
    public async Task CaseUpdates_CarryTheirAsAtDate_LatestByIt_NotInTheFutureNorBeforeTheNotification()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<ReviewThemesHandler>();
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.RegisterReviewAsync(today.AddDays(-30));

        Assert.Equal(["AsAt"], ((ValidationFailed)(await handler.AddUpdateAsync(officer, id, "Tomorrow's news", today.AddDays(1))).Error!).Errors.Select(e => e.Field));
        Assert.Equal(["AsAt"], ((ValidationFailed)(await handler.AddUpdateAsync(officer, id, "Before it began", today.AddDays(-31))).Error!).Errors.Select(e => e.Field));
        Assert.True((await handler.AddUpdateAsync(officer, id, "Trial listed for March", today)).IsSuccess);
        // Typed later, about an earlier day: it is not the latest.
        Assert.True((await handler.AddUpdateAsync(officer, id, "Awaiting trial date", today.AddDays(-20))).IsSuccess);

        var view = (await handler.GetAsync(officer, id)).Value;
        Assert.Equal([("Trial listed for March", today), ("Awaiting trial date", today.AddDays(-20))], view.Updates.Select(u => (u.Text, u.AsAt)));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.CaseUpdates.CountAsync(u => u.ReviewId == id)));
    }
}

public sealed class SqliteThemesAndLearningTests(SqliteFixture fixture) : ThemesAndLearningTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresThemesAndLearningTests(PostgresFixture fixture) : ThemesAndLearningTests(fixture), IClassFixture<PostgresFixture>;
