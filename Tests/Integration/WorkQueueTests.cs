using Domain;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Process;
using Workflows.WorkItems;

namespace Portal.Integration.Tests;

/// Tasks and queues through the handlers, with access enforced on the server.
public abstract class WorkQueueTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private WorkItemCommands Commands => Portal.Get<WorkItemCommands>();

    private WorkQueueQuery Queues => Portal.Get<WorkQueueQuery>();

    private async Task<(int ReviewId, long ItemId)> NewReviewAsync(int daysAgo = 1)
    {
        var id = await WorkflowEngineTests.RegisterAsync(Portal, Today.AddDays(-daysAgo));
        var item = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == id).Select(w => w.Id).SingleAsync());
        return (id, item);
    }

    private async Task<PagedResult<WorkItemRow>> QueueAsync(string who, WorkQueue queue, int reviewId) =>
        await Queues.HandleAsync(await Portal.ActorAsync(who), queue, new WorkItemFilter(ReviewId: reviewId), new PageRequest());

    [Fact]
    public async Task Claim_MovesTheTaskFromTheTeamQueueToMyWork()
    {
        var (reviewId, itemId) = await NewReviewAsync();
        Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team, reviewId)).Items);

        var claimed = await Commands.ClaimAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId, expectedVersion: 0);

        Assert.True(claimed.IsSuccess, claimed.Error?.Message);
        Assert.Empty((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team, reviewId)).Items);
        var mine = Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.MyWork, reviewId)).Items);
        Assert.Equal("Olivia Officer", mine.AssigneeName);
        Assert.Equal(1, mine.Version);
    }

    [Fact]
    public async Task AStepAnOfficerRecords_ItsNextTaskIsTheirs_AManagersStaysInTheTeamQueue()
    {
        var (reviewId, _) = await NewReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var engine = Portal.Get<WorkflowEngine>();

        var presented = await engine.FireAsync(reviewId, TriggerArgs.For(Trigger.PresentToCrg), officer, $"own-{reviewId}-1");

        Assert.True(presented.IsSuccess, presented.Error?.Message);
        var mine = Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.MyWork, reviewId)).Items);
        Assert.Equal(("Record the CRG's decision", "Olivia Officer"), (mine.Title, mine.AssigneeName));
        Assert.Empty((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team, reviewId)).Items);
        var journal = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.Id == presented.Value.JournalEntryId).Select(j => j.Detail).SingleAsync());
        Assert.Contains("Task opened: Record the CRG's decision, due ", journal, StringComparison.Ordinal);
        Assert.EndsWith("; assigned to the person who recorded this step.", journal, StringComparison.Ordinal);

        // A manager puts the review on hold: reviewing the hold is for officers, so it waits in the team queue.
        var held = await engine.FireAsync(reviewId, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = Today.AddDays(30) },
            await Portal.ActorAsync(DemoAccounts.LrManager), $"own-{reviewId}-2");

        Assert.True(held.IsSuccess, held.Error?.Message);
        var team = Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team, reviewId)).Items);
        Assert.Equal(WorkItemKind.ReviewHold, team.Kind);
        Assert.Equal(WorkItemKind.RecordCrgDecision, Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.MyWork, reviewId)).Items).Kind);
    }

    [Fact]
    public async Task Claim_ByAnotherOfficeOrAStaleVersion_IsRefused()
    {
        var (_, itemId) = await NewReviewAsync();
        Assert.IsType<AccessRefused>((await Commands.ClaimAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), itemId)).Error);
        Assert.True((await Commands.ClaimAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId)).IsSuccess);
        Assert.IsType<Conflict>((await Commands.UnclaimAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId, expectedVersion: 0)).Error);
    }

    [Fact]
    public async Task Reassign_ByAManager_AssignsToStaffOfTheOffice_NotByAnOfficer()
    {
        var (reviewId, itemId) = await NewReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);

        Assert.IsType<AccessRefused>((await Commands.ReassignAsync(officer, itemId, manager.UserId, "Yours now.")).Error);
        Assert.Equal("AssigneeUserId", (await Commands.ReassignAsync(manager, itemId, kent.UserId, "Yours now.")).Error!.Field);
        var done = await Commands.ReassignAsync(manager, itemId, officer.UserId, "Yours now.");

        Assert.Equal(officer.UserId, done.Value.AssigneeUserId);
        Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.MyWork, reviewId)).Items);
        Assert.True((await Commands.UnclaimAsync(manager, itemId)).IsSuccess);
    }

    [Fact]
    public async Task Complete_AProcessStep_SaysToRecordTheActionOnTheReview()
    {
        var (_, itemId) = await NewReviewAsync();
        var result = await Commands.CompleteAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId, "done");
        Assert.Contains("review page", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseAndResume_MoveTheTasksDueDateByThePausedDays()
    {
        var (reviewId, itemId) = await NewReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var due = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == itemId).Select(w => w.DueDate).SingleAsync());

        Assert.True((await Commands.PauseAsync(officer, itemId)).IsSuccess);
        Assert.IsType<AccessRefused>((await Commands.PauseAsync(await Portal.ActorAsync(DemoAccounts.LrManager), itemId)).Error);
        Assert.Equal("paused", (await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team, reviewId)).Items.Single().DueText);
        Portal.Time.Advance(TimeSpan.FromDays(4));
        var resumed = await Commands.ResumeAsync(officer, itemId);

        Assert.Equal(due!.Value.AddDays(4), resumed.Value.DueDate);
        Assert.False(resumed.Value.IsPaused);
    }

    [Fact]
    public async Task Queues_OverdueAndDueSoon_AreComputedFromLondonToday()
    {
        var (late, _) = await NewReviewAsync(daysAgo: 45);
        var (soon, _) = await NewReviewAsync(daysAgo: 25);

        var overdue = Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Overdue, late)).Items);
        Assert.True(overdue.IsOverdue);
        Assert.EndsWith("days overdue", overdue.DueText, StringComparison.Ordinal);
        Assert.Empty((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.DueSoon, late)).Items);
        var dueSoon = Assert.Single((await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.DueSoon, soon)).Items);
        Assert.StartsWith("in ", dueSoon.DueText, StringComparison.Ordinal);
        Assert.Empty((await QueueAsync(DemoAccounts.KentOfficer, WorkQueue.Overdue, late)).Items);

        var counts = await Queues.CountsAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer));
        Assert.True(counts.Overdue >= 1 && counts.DueSoon >= 1 && counts.Team >= 2 && counts.OnHold >= 1);
    }

    [Fact]
    public async Task Queues_PageAndSortInTheDatabase()
    {
        await NewReviewAsync(daysAgo: 3);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var all = await Queues.HandleAsync(officer, WorkQueue.Team, new WorkItemFilter(), new PageRequest(0, 100));
        var page2 = await Queues.HandleAsync(officer, WorkQueue.Team, new WorkItemFilter(), new PageRequest(1, 2));

        Assert.True(all.TotalCount >= 4);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(r => r.Id), page2.Items.Select(r => r.Id));
        var dated = all.Items.Where(r => r.DueDate is not null).Select(r => r.DueDate!.Value).ToList();
        Assert.Equal(dated.Order(), dated);
        Assert.All(all.Items.SkipWhile(r => r.DueDate is not null), r => Assert.Null(r.DueDate));
        var byPriority = await Queues.HandleAsync(officer, WorkQueue.Team, new WorkItemFilter(), new PageRequest(0, 100, nameof(WorkItemRow.Priority)));
        Assert.Equal(all.TotalCount, byPriority.TotalCount);
    }

    [Fact]
    public async Task Dashboard_ForAManager_ShowsStagesOverdueAndClocksAtRisk_NotForAnOfficer()
    {
        await NewReviewAsync(daysAgo: 40);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);

        var board = (await Portal.Get<ManagerDashboardQuery>().HandleAsync(manager)).Value;

        Assert.Contains(board.OpenReviewsByStage, s => s.Stage == Stage.OnHold);
        Assert.DoesNotContain(board.OpenReviewsByStage, s => s.Stage == Stage.Closed);
        Assert.Contains(board.OverdueByPerson, p => p.Name == "Unassigned");
        Assert.Contains(board.ClocksAtRisk, c => c.IsOverdue);
        Assert.IsType<AccessRefused>((await Portal.Get<ManagerDashboardQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer))).Error);
    }

    [Fact]
    public async Task Counts_InOneQuery_MatchEachQueuesTotal()
    {
        await NewReviewAsync(daysAgo: 40);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var counts = await Queues.CountsAsync(officer);

        async Task<int> Total(WorkQueue queue) => (await Queues.HandleAsync(officer, queue, new WorkItemFilter(), new PageRequest(0, 1))).TotalCount;
        var onHold = (await Portal.Get<OnHoldReviewsQuery>().HandleAsync(officer, null, new PageRequest(0, 1))).TotalCount;
        Assert.Equal(new QueueCounts(await Total(WorkQueue.MyWork), await Total(WorkQueue.Team), await Total(WorkQueue.Overdue),
            await Total(WorkQueue.DueSoon), onHold), counts);
    }

    [Fact]
    public async Task AssignableStaff_ForAManager_ListsTheOfficesStaffOnly_NotForAnOfficer()
    {
        var (_, itemId) = await NewReviewAsync();
        var query = Portal.Get<AssignableStaffQuery>();

        var staff = (await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), itemId)).Value;

        Assert.Contains(staff, s => s.Name == "Olivia Officer");
        Assert.Contains(staff, s => s.Name == "Max Manager");
        Assert.DoesNotContain(staff, s => s.Name == "Kit Officer");
        Assert.Equal(staff.Count, staff.Select(s => s.UserId).Distinct().Count());
        Assert.IsType<AccessRefused>((await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId)).Error);
    }

    [Fact]
    public async Task ChaseTask_OpenedWhenQaIsLate_CanBeCompletedFromTheQueue()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var chase = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Kind == WorkItemKind.ChaseQaOutcome && w.Status == WorkItemStatus.Open).Select(w => w.Id).FirstAsync());

        var done = await Commands.CompleteAsync(officer, chase, "Emailed the Home Office QA team.");

        Assert.Equal(WorkItemStatus.Completed, done.Value.Status);
    }
}

public sealed class SqliteWorkQueueTests(SqliteFixture fixture) : WorkQueueTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresWorkQueueTests(PostgresFixture fixture) : WorkQueueTests(fixture), IClassFixture<PostgresFixture>;
