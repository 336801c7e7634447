using Domain.Reviews;
using Domain.Workflow;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Process;

namespace Portal.Integration.Tests;

/// A direction no longer overwrites the CRG's decision date (DardrV1.Apply); the migration CrgDecisionDateBackfill gives
/// back the CRG's date to directed reviews an earlier release overwrote, on each provider.
public abstract class CrgDecisionDateBackfillTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private async Task FireAsync(int id, TriggerArgs args)
    {
        var result = await Portal.Get<WorkflowEngine>().FireAsync(id, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, $"{args.Trigger}: {result.Error?.Message}");
    }

    [Fact]
    public async Task ADirection_KeepsTheCrgsDecisionDate_AndTheMigrationRestoresItWhereAnEarlierReleaseOverwroteIt()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var notified = today.AddDays(-60);
        var id = await Portal.RegisterReviewAsync(notified);
        var untouched = await Portal.RegisterReviewAsync(notified);
        await FireAsync(id, new PresentToCrgArgs { Date = notified.AddDays(3) });
        await FireAsync(id, new RecordCriteriaNotMetArgs { Comment = "Criteria not met.", Date = notified.AddDays(20) });
        await FireAsync(id, new RecordHomeOfficeNotifiedArgs { Date = notified.AddDays(22) });
        await FireAsync(id, new RecordHomeOfficeDirectionArgs { Comment = "Directed.", Date = notified.AddDays(50) });

        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((true, (DateOnly?)notified.AddDays(20)), (review.HomeOfficeDirected, review.DecidedOn));
        var direction = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking()
            .SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.RecordHomeOfficeDirection));
        Assert.Equal(notified.AddDays(50), direction.OccurredOn);

        // As an earlier release left it: the direction's date over the CRG's.
        await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).ExecuteUpdateAsync(x => x.SetProperty(r => r.DecidedOn, notified.AddDays(50))));
        await Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(CrgDecisionDateBackfill.Statement(Portal.PostgresConnection is not null)));

        var dates = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == id || r.Id == untouched)
            .ToDictionaryAsync(r => r.Id, r => r.DecidedOn));
        Assert.Equal((notified.AddDays(20), (DateOnly?)null), (dates[id], dates[untouched]));
    }
}

public sealed class SqliteCrgDecisionDateBackfillTests(SqliteFixture fixture) : CrgDecisionDateBackfillTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCrgDecisionDateBackfillTests(PostgresFixture fixture) : CrgDecisionDateBackfillTests(fixture), IClassFixture<PostgresFixture>;
