using Domain.ActionPlans;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.ActionPlans;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// The migration that gives actions, their updates and re-plans written before the entered dates (ActionDatesBackfill)
/// the London date they were recorded, run on each provider over rows shaped as an earlier release left them.
public abstract class ActionDatesBackfillTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task OldActionsUpdatesAndReplans_GetTheLondonDateTheyWereRecorded()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<PostActionUpdateHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), actionId,
            new ActionUpdateInput("Course booked.", ActionStatus.OnTrack, [], AsAt: Today(Portal)))).IsSuccess);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        Assert.True((await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, detail.DueDate.AddDays(30), "Trainer off sick.", Today(Portal)), detail.Version)).IsSuccess);

        // As an earlier release left them: recorded late on summer evenings (past midnight in London) and in winter; no
        // entered dates.
        var summerLate = new DateTime(2026, 7, 6, 23, 30, 0, DateTimeKind.Utc);
        var winterLate = new DateTime(2026, 1, 6, 23, 30, 0, DateTimeKind.Utc);
        var autumn = new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc); // 01:30 BST, just before the clocks go back
        await Portal.WithDbAsync(async db =>
        {
            await db.PlanActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAtUtc, winterLate).SetProperty(a => a.AgreedOn, default(DateOnly)));
            await db.ActionUpdates.Where(u => u.ActionId == actionId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AtUtc, summerLate).SetProperty(u => u.AsAt, default(DateOnly)));
            return await db.ActionChanges.Where(c => c.ActionId == actionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AtUtc, autumn).SetProperty(c => c.AgreedOn, default(DateOnly)));
        });

        await Portal.WithDbAsync(async db =>
        {
            foreach (var sql in ActionDatesBackfill.Statements(postgres: Portal.PostgresConnection is not null))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });

        Assert.Equal(new DateOnly(2026, 1, 6), await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.AgreedOn).SingleAsync()));
        Assert.Equal(new DateOnly(2026, 7, 7), await Portal.WithDbAsync(db => db.ActionUpdates.Where(u => u.ActionId == actionId).Select(u => u.AsAt).SingleAsync()));
        Assert.Equal([new DateOnly(2026, 10, 25)], await Portal.WithDbAsync(db => db.ActionChanges.Where(c => c.ActionId == actionId).Select(c => c.AgreedOn).Distinct().ToListAsync()));
    }
}

public sealed class SqliteActionDatesBackfillTests(SqliteFixture fixture) : ActionDatesBackfillTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresActionDatesBackfillTests(PostgresFixture fixture) : ActionDatesBackfillTests(fixture), IClassFixture<PostgresFixture>;
