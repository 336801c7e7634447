using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Process;
using Workflows.Reviews;
using Workflows.Timers;

namespace Portal.Integration.Tests;

/// The workflow engine's one command path on a real database of each provider.
public abstract class WorkflowEngineTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private WorkflowEngine Engine => Portal.Get<WorkflowEngine>();

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    internal static Task<int> RegisterAsync(PortalFactory portal, DateOnly notified, string csp = "Rutland CSP") =>
        portal.RegisterReviewAsync(notified, csp);

    private async Task<Result<TransitionResult>> FireAsync(int reviewId, Trigger trigger, string who = DemoAccounts.LrOfficer, string? key = null) =>
        await FireAsync(reviewId, TriggerArgs.For(trigger), who, key);

    private async Task<Result<TransitionResult>> FireAsync(int reviewId, TriggerArgs args, string who = DemoAccounts.LrOfficer, string? key = null) =>
        await Engine.FireAsync(reviewId, args, await Portal.ActorAsync(who), key ?? Guid.NewGuid().ToString());

    [Fact]
    public async Task Register_StartsTheProcess_JournalDecisionClockTimerAndFirstTask()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-3));

        var (journal, clock, item, timer) = await Portal.WithDbAsync(async db => (
            await db.JournalEntries.SingleAsync(j => j.ReviewId == id),
            await db.ReviewClocks.SingleAsync(c => c.ReviewId == id),
            await db.WorkItems.SingleAsync(w => w.ReviewId == id),
            await db.Timers.SingleAsync(t => t.ReviewId == id)));
        Assert.Equal(JournalKind.Started, journal.Kind);
        Assert.Equal(Stage.NotificationReceived, journal.ToStage);
        Assert.Equal(("dardr", 1), (journal.DefinitionId, journal.DefinitionVersion));
        Assert.Equal(ClockKind.Decision, clock.Kind);
        Assert.Equal(Today.AddDays(-3).AddMonths(1), clock.DueDate);
        Assert.Equal(WorkItemKind.PresentToCrg, item.Kind);
        Assert.Equal(clock.DueDate, item.DueDate);
        Assert.Equal(London.OverdueFromUtc(clock.DueDate), timer.DueAtUtc);
        Assert.Equal(TimerStatus.Pending, timer.Status);
    }

    [Fact]
    public async Task FireAsync_ThroughTheCrgDecision_WritesJournalTasksAndClocks()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-10));

        var presented = await FireAsync(id, new PresentToCrgArgs { Date = Today.AddDays(-2) });
        var decided = await FireAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met: former partner.", ExpectedVersion = presented.Value.Version });

        Assert.True(decided.IsSuccess, decided.Error?.Message);
        Assert.Equal((Stage.AwaitingCrgDecision, Stage.DecisionNotified), (decided.Value.From, decided.Value.To));
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == id);
            Assert.Equal(Today.AddDays(-2), review.CrgFirstPresentedOn);
            Assert.Equal(CrgOutcome.CriteriaMet, review.CrgOutcome);
            Assert.Equal(2, review.Version);
            var clocks = await db.ReviewClocks.Where(c => c.ReviewId == id).ToDictionaryAsync(c => c.Kind);
            Assert.Equal(ClockStatus.Completed, clocks[ClockKind.Decision].Status);
            Assert.Equal(BusinessCalendar.EnglandAndWales().AddWorkingDays(Today, 5), clocks[ClockKind.HomeOfficeNotification].DueDate);
            Assert.Equal(Today.AddMonths(1), clocks[ClockKind.Appointment].DueDate);
            Assert.Equal(Today.AddMonths(6), clocks[ClockKind.Completion].DueDate);
            var open = await db.WorkItems.Where(w => w.ReviewId == id && w.Status == WorkItemStatus.Open).ToListAsync();
            Assert.Equal(WorkItemKind.NotifyHomeOffice, Assert.Single(open).Kind);
            var journal = await db.JournalEntries.Where(j => j.ReviewId == id).OrderBy(j => j.Id).ToListAsync();
            Assert.Equal([null, Trigger.PresentToCrg, Trigger.RecordCriteriaMet], journal.Select(j => j.Trigger));
            Assert.Equal("Criteria met: former partner.", journal[^1].Comment);
            Assert.Contains("Home Office notification due", journal[^1].Detail, StringComparison.Ordinal);
            Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == AuditAction.Changed));
            // The decision clock's timer went with it; the new clocks have theirs.
            Assert.Equal(3, await db.Timers.CountAsync(t => t.ReviewId == id && t.Status == TimerStatus.Pending));
            return 0;
        });
    }

    [Fact]
    public async Task FireAsync_RepeatedIdempotencyKey_MakesOneTransition()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));
        var key = Guid.NewGuid().ToString();

        var first = await FireAsync(id, Trigger.PresentToCrg, key: key);
        var again = await FireAsync(id, Trigger.PresentToCrg, key: key);

        Assert.False(first.Value.Repeated);
        Assert.True(again.Value.Repeated);
        Assert.Equal(first.Value.JournalEntryId, again.Value.JournalEntryId);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Trigger == Trigger.PresentToCrg)));
        Assert.IsType<KeyReused>((await FireAsync(id, new RecordMoreInformationNeededArgs { Comment = "x" }, key: key)).Error);
    }

    [Fact]
    public async Task FireAsync_SameKeyConcurrently_MakesOneTransition()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));
        var key = Guid.NewGuid().ToString();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var dbs = Portal.Get<Workflows.Data.IReviewDbFactory>();
        await using var first = await dbs.CreateAsync();
        await using var second = await dbs.CreateAsync();

        // Both requests are past the key check before either saves: the overlap is certain, not left to timing.
        var commands = new[] { (await Engine.OpenAsync(first, id, officer, "test")).Value, (await Engine.OpenAsync(second, id, officer, "test")).Value };
        foreach (var command in commands)
        {
            Assert.Null(await command.FireAsync(new PresentToCrgArgs(), key));
            Assert.Null(command.Repeated);
        }

        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => c.SaveAsync())));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.Equal([false, true], results.Select(r => r.Value.Repeated).Order());
        Assert.Single(results.Select(r => r.Value.JournalEntryId).Distinct());
        Assert.Equal(1, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Trigger == Trigger.PresentToCrg)));
    }

    [Fact]
    public async Task FireAsync_TwoUsersAtOnce_OneWinsTheOtherGetsConflict()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var hold = new PutOnHoldArgs { HoldReason = HoldReason.PoliceInvestigation, ExpectedReviewDate = Today.AddDays(30), ExpectedVersion = 0 };

        var results = await Task.WhenAll(
            Task.Run(() => Engine.FireAsync(id, new PresentToCrgArgs { ExpectedVersion = 0 }, officer, Guid.NewGuid().ToString())),
            Task.Run(() => Engine.FireAsync(id, hold, manager, Guid.NewGuid().ToString())));

        Assert.Single(results, r => r.IsSuccess);
        var loser = Assert.Single(results, r => !r.IsSuccess);
        Assert.IsType<Conflict>(loser.Error);
        Assert.Contains("what you typed is kept", loser.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Kind == JournalKind.Transition)));
    }

    [Fact]
    public async Task FireAsync_NotPermitted_IsRefusedWithReasonsAndAudited()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));

        var manager = await FireAsync(id, Trigger.PresentToCrg, who: DemoAccounts.LrManager);
        var kent = await FireAsync(id, Trigger.PresentToCrg, who: DemoAccounts.KentOfficer);
        var wrongStage = await FireAsync(id, Trigger.RecordQaApproved);

        Assert.Equal(["Only a review officer of the review's lead office can do this."], Assert.IsType<ActionUnavailable>(manager.Error).Reasons);
        Assert.IsType<AccessRefused>(kent.Error);
        Assert.IsType<ActionUnavailable>(wrongStage.Error);
        Assert.Equal(3, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditAction.Refused && (a.ReviewId == id || a.SubjectId == id.ToString()))));
        Assert.Equal(Stage.NotificationReceived, await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Stage).SingleAsync()));
    }

    [Fact]
    public async Task FireAsync_MissingArguments_ReturnsFieldErrorsAndChangesNothing()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));
        var result = await FireAsync(id, new PutOnHoldArgs { ExpectedReviewDate = Today });
        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal([nameof(PutOnHoldArgs.HoldReason), nameof(PutOnHoldArgs.ExpectedReviewDate)], failed.Errors.Select(e => e.Field));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task Hold_PausesTheClocks_ResumeAddsTheDaysHeldAndTheJournalSaysSo()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-5));
        var dueBefore = await Portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id).Select(c => c.DueDate).SingleAsync());

        var held = await FireAsync(id, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = Today.AddDays(60) });
        Assert.True(held.IsSuccess, held.Error?.Message);
        Assert.Equal(ClockStatus.Paused, await Portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id).Select(c => c.Status).SingleAsync()));
        var onHold = await Portal.Get<Workflows.WorkItems.OnHoldReviewsQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), null, new Workflows.PageRequest(0, 100));
        Assert.Equal(Today.AddDays(60), onHold.Items.Single(r => r.ReviewId == id).ExpectedReviewDate);

        Portal.Time.Advance(TimeSpan.FromDays(12));
        var resumed = await FireAsync(id, Trigger.Resume);

        Assert.Equal(Stage.NotificationReceived, resumed.Value.To);
        await Portal.WithDbAsync(async db =>
        {
            var clock = await db.ReviewClocks.SingleAsync(c => c.ReviewId == id);
            Assert.Equal(dueBefore.AddDays(12), clock.DueDate);
            Assert.Equal(12, clock.PausedDays);
            var item = await db.WorkItems.SingleAsync(w => w.ReviewId == id && w.Kind == WorkItemKind.PresentToCrg);
            Assert.Equal(clock.DueDate, item.DueDate);
            var timer = await db.Timers.SingleAsync(t => t.ReviewId == id && t.ClockId == clock.Id && t.Status == TimerStatus.Pending);
            Assert.Equal(London.OverdueFromUtc(clock.DueDate), timer.DueAtUtc);
            var journal = await db.JournalEntries.Where(j => j.ReviewId == id).OrderBy(j => j.Id).LastAsync();
            Assert.Contains("12 days on hold", journal.Detail, StringComparison.Ordinal);
            Assert.Contains($"moved from {UkDate.Format(dueBefore)} to {UkDate.Format(dueBefore.AddDays(12))}", journal.Detail, StringComparison.Ordinal);
            Assert.Null((await db.Reviews.SingleAsync(r => r.Id == id)).HeldFromStage);
            return 0;
        });
    }

    [Fact]
    public async Task Hold_FromAPastDate_AndResumeOnAPastDate_CountTheDaysActuallyHeld_AndTheJournalKeepsBothDates()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-40));
        Assert.True((await FireAsync(id, new PresentToCrgArgs { Date = Today.AddDays(-38) })).IsSuccess);
        var dueBefore = await Portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id).Select(c => c.DueDate).SingleAsync());
        PutOnHoldArgs Hold(DateOnly on) => new() { HoldReason = HoldReason.CoronersRequest, ExpectedReviewDate = Today.AddDays(30), Date = on };

        // Refused, with a message beside the date, and nothing saved: before the step before it, or in the future.
        var beforePresented = Assert.IsType<ValidationFailed>((await FireAsync(id, Hold(Today.AddDays(-39)))).Error).Errors.Single();
        Assert.Equal(("Date", $"The date cannot be before the step before it (Present to the CRG, {UkDate.Format(Today.AddDays(-38))}): check it."),
            (beforePresented.Field, beforePresented.Message));
        Assert.Equal("The date cannot be in the future.", Assert.IsType<ValidationFailed>((await FireAsync(id, Hold(Today.AddDays(1)))).Error).Errors.Single().Message);
        Assert.Equal((1, 2), await Portal.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(), await db.JournalEntries.CountAsync(j => j.ReviewId == id))));

        // The coroner asked 30 days ago; the hold ended 10 days ago: recorded today, both.
        Assert.True((await FireAsync(id, Hold(Today.AddDays(-30)))).IsSuccess);
        Assert.IsType<ValidationFailed>((await FireAsync(id, new ResumeArgs { Date = Today.AddDays(-31) })).Error);
        var resumed = await FireAsync(id, new ResumeArgs { Date = Today.AddDays(-10) });
        Assert.True(resumed.IsSuccess, resumed.Error?.Message);

        await Portal.WithDbAsync(async db =>
        {
            var clock = await db.ReviewClocks.SingleAsync(c => c.ReviewId == id);
            Assert.Equal((20, dueBefore.AddDays(20)), (clock.PausedDays, clock.DueDate));
            Assert.Equal(clock.DueDate, (await db.WorkItems.SingleAsync(w => w.ReviewId == id && w.Kind == WorkItemKind.RecordCrgDecision)).DueDate);
            var journal = await db.JournalEntries.Where(j => j.ReviewId == id).OrderBy(j => j.Id).ToListAsync();
            Assert.Equal([Today.AddDays(-40), Today.AddDays(-38), Today.AddDays(-30), Today.AddDays(-10)], journal.Select(j => j.OccurredOn));
            Assert.All(journal, j => Assert.Equal(Portal.Time.GetUtcNow().UtcDateTime, j.RecordedAtUtc));
            return 0;
        });
        var timeline = (await Portal.Get<ReviewJournalQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id, new Workflows.PageRequest())).Value;
        Assert.Equal([Trigger.Resume, Trigger.PutOnHold, Trigger.PresentToCrg, null], timeline.Items.Select(e => e.Trigger));
        Assert.All(timeline.Items, e => Assert.True(e.RecordedLater));
    }

    [Fact]
    public async Task ReviewProcess_ShowsActionsWithReasonsClocksAndHighlightedDiagram()
    {
        var id = await RegisterAsync(Portal, Today.AddDays(-1));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var view = (await Portal.Get<ReviewProcessQuery>().HandleAsync(officer, id)).Value;

        Assert.Equal(Stage.NotificationReceived, view.Stage);
        Assert.Equal([Trigger.PresentToCrg, Trigger.PutOnHold, Trigger.StopReview], view.Actions.Select(a => a.Trigger));
        Assert.Equal(ClockKind.Decision, Assert.Single(view.Clocks).Kind);
        Assert.Contains("class NotificationReceived current", view.Diagram, StringComparison.Ordinal);

        var journal = (await Portal.Get<ReviewJournalQuery>().HandleAsync(officer, id, new Workflows.PageRequest())).Value;
        Assert.Equal("Olivia Officer", Assert.Single(journal.Items).Who);
        Assert.IsType<AccessRefused>((await Portal.Get<ReviewProcessQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), id)).Error);
    }

    [Fact]
    public async Task ChairAuthors_ListsActiveAuthorsToOfficeStaff_AndRefusesOthers()
    {
        var query = Portal.Get<Workflows.Authors.AuthorChoicesQuery>();
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var authors = await query.HandleAsync(officer);
        var refused = await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact));

        Assert.Contains(authors.Value, a => a.UserId == author.UserId && a.Name == "Alex Author");
        Assert.DoesNotContain(authors.Value, a => a.UserId == officer.UserId);
        Assert.IsType<AccessRefused>(refused.Error);
    }

    [Fact]
    public async Task Sweep_DueTimer_MarksTheClockOverdueRaisesTheTaskAndFiresOnce()
    {
        var id = await RegisterAsync(Portal, Today.AddMonths(-1).AddDays(-1));
        var sweep = Portal.Get<TimerSweep>();

        await sweep.RunAsync();
        await sweep.RunAsync();

        await Portal.WithDbAsync(async db =>
        {
            Assert.Equal(TimerStatus.Fired, (await db.Timers.SingleAsync(t => t.ReviewId == id)).Status);
            Assert.NotNull((await db.ReviewClocks.SingleAsync(c => c.ReviewId == id)).OverdueSinceUtc);
            Assert.Equal(WorkItemPriority.Urgent, (await db.WorkItems.SingleAsync(w => w.ReviewId == id)).Priority);
            var deadline = await db.JournalEntries.SingleAsync(j => j.ReviewId == id && j.Kind == JournalKind.Deadline);
            Assert.Null(deadline.UserId);
            Assert.Contains("CRG decision due", deadline.Detail, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task DemoData_ReviewsHaveHistoriesMadeByTheEngine()
    {
        var reviews = await Portal.WithDbAsync(db => db.Reviews.Select(r => new { r.Id, r.Stage }).ToListAsync());
        var stages = reviews.Select(r => r.Stage).ToHashSet();
        Assert.Superset(new HashSet<Stage> { Stage.OnHold, Stage.Closed, Stage.Submitted, Stage.Publication, Stage.ActionPlanMonitoring, Stage.PanelAndReport, Stage.Commissioning, Stage.DecisionNotified, Stage.AwaitingCrgDecision }, stages);
        var journals = await Portal.WithDbAsync(db => db.JournalEntries.GroupBy(j => j.ReviewId).Select(g => new { g.Key, Transitions = g.Count(j => j.Kind == JournalKind.Transition), Started = g.Count(j => j.Kind == JournalKind.Started) }).ToListAsync());
        Assert.All(journals, j => Assert.Equal(1, j.Started));
        Assert.True(journals.Sum(j => j.Transitions) >= 60);
        Assert.True(await Portal.WithDbAsync(db => db.JournalEntries.AnyAsync(j => j.Kind == JournalKind.Deadline)));
    }
}

public sealed class SqliteWorkflowEngineTests(SqliteFixture fixture) : WorkflowEngineTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresWorkflowEngineTests(PostgresFixture fixture) : WorkflowEngineTests(fixture), IClassFixture<PostgresFixture>;
