using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// Reopening a closed review (DardrV1, ReopenReviewArgs, CaseChanges.RestoreAfterClose): a manager's, from Closed only,
/// back to the stage it was closed from, with the clocks and process tasks the close ended running again and the days
/// closed added. Fixed dates (a fake clock in all but name): nothing reads the wall clock.
public class ReopenReviewTests
{
    private static readonly DardrV1 Definition = new();

    private static readonly DateOnly Today = new(2026, 12, 20);

    private static DateTime NoonOf(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);

    private static ClosingStep Close(Stage from, DateOnly on, DateOnly? heldSince = null) => new(Trigger.StopReview, from, on, NoonOf(on), heldSince);

    [Fact]
    public void Reopen_IsAManagersOnly_FromClosedOnly_AndReturnsToTheStageTheCloseLeft()
    {
        foreach (var from in new[] { Stage.PanelAndReport, Stage.ActionPlanMonitoring, Stage.DecisionNotified })
        {
            var review = DardrV1Tests.ReviewAt(Stage.Closed, r => r.ClosedOn = new DateOnly(2026, 12, 1));
            var facts = new GuardFacts(0, Close(from, new DateOnly(2026, 12, 1)));

            Assert.True(Definition.Evaluate(review, facts, DardrV1Tests.ActorWith(Role.Manager), true, Trigger.ReopenReview).IsAvailable);
            var officer = Definition.Evaluate(review, facts, DardrV1Tests.ActorWith(Role.ReviewOfficer), true, Trigger.ReopenReview);
            Assert.False(officer.IsAvailable);
            Assert.Contains("Only a manager of the review's lead office can do this.", officer.Reasons);
            Assert.False(Definition.Evaluate(review, facts, DardrV1Tests.ActorWith(Role.Manager), false, Trigger.ReopenReview).IsAvailable);

            Definition.Build(review, facts).Fire(Trigger.ReopenReview);
            Assert.Equal(from, review.Stage);
        }

        // Only a closed review: an open one has nothing to reopen.
        foreach (var open in DardrV1.OpenStages.Append(Stage.OnHold))
        {
            Assert.DoesNotContain(Trigger.ReopenReview, Definition.TriggersIn(open));
        }
    }

    [Fact]
    public void Reopen_WithoutTheCloseInTheJournal_IsRefusedWithTheReason()
    {
        var review = DardrV1Tests.ReviewAt(Stage.Closed);

        var option = Definition.Evaluate(review, GuardFacts.None, DardrV1Tests.ActorWith(Role.Manager), true, Trigger.ReopenReview);

        Assert.False(option.IsAvailable);
        Assert.Equal(["The stage this review was closed from is not in its journal, so it cannot be reopened here."], option.Reasons);
    }

    [Fact]
    public void ReopenArgs_NeedAReason_AndADateNeitherInTheFutureNorBeforeTheClose()
    {
        var review = DardrV1Tests.ReviewAt(Stage.Closed, r => r.ClosedOn = new DateOnly(2026, 12, 1));
        List<(string?, string)> Errors(ReopenReviewArgs args) =>
            [.. args.Validate(new TriggerCheck(review, Today)).Select(e => (e.Field, e.Message))];
        var valid = new ReopenReviewArgs { Comment = "The Home Office withdrew its agreement to stop." };

        Assert.Equal([("Comment", "Say why the review is reopened.")], Errors(new ReopenReviewArgs()));
        Assert.Equal([("Date", "The date cannot be in the future.")], Errors(valid with { Date = Today.AddDays(1) }));
        Assert.Equal([("Date", "The date cannot be before the review was closed (1 Dec 2026): check it.")], Errors(valid with { Date = new DateOnly(2026, 11, 30) }));
        Assert.Empty(Errors(valid with { Date = new DateOnly(2026, 12, 1) }));
        Assert.Empty(Errors(valid));
    }

    [Fact]
    public void Reopen_AfterAStop_RunsTheClosedClocksAndTasksAgain_WithTheDaysClosedAdded()
    {
        var c = DardrV1EffectsTests.AtPanelAndReport();
        var completion = c.Clock(ClockKind.Completion);
        var dueBefore = completion.DueDate;
        c.Fire(new StopReviewArgs { Comment = "Agreed." }, new DateOnly(2026, 12, 1));
        Assert.Equal(ClockStatus.Cancelled, completion.Status);
        var cancelled = c.Changes.Items.Where(i => i.Status == WorkItemStatus.Cancelled && i.IsProcessStep).ToList();
        Assert.Equal([WorkItemKind.CompleteReview], cancelled.Select(i => i.Kind));

        // Reopened on 11 December (10 days closed), recorded on the 20th.
        var close = Close(Stage.PanelAndReport, new DateOnly(2026, 12, 1));
        var changes = CaseChanges.InMemory(c.Review, DardrV1Tests.ActorWith(Role.Manager), NoonOf(Today), BusinessCalendar.EnglandAndWales(), new DeadlineSettings(),
            closedBy: (close, [completion], cancelled));
        var entry = Definition.Fire(changes, new GuardFacts(0, close), new ReopenReviewArgs { Comment = "Stopped in error.", Date = new DateOnly(2026, 12, 11) });

        Assert.Equal((Stage.PanelAndReport, (DateOnly?)null), (c.Review.Stage, c.Review.ClosedOn));
        Assert.Equal((ClockStatus.Running, dueBefore.AddDays(10), 10), (completion.Status, completion.DueDate, completion.PausedDays));
        var task = Assert.Single(changes.Items, i => i.IsOpen);
        Assert.Equal((WorkItemKind.CompleteReview, completion.DueDate, Stage.PanelAndReport), (task.Kind, task.DueDate, task.Stage!.Value));
        Assert.Same(completion, task.Clock);
        Assert.Single(changes.Timers, t => t.Status == TimerStatus.Pending && t.Clock == completion && t.DueAtUtc == London.OverdueFromUtc(completion.DueDate));
        Assert.Equal((new DateOnly(2026, 12, 11), "Stopped in error.", Stage.Closed, Trigger.ReopenReview),
            (entry.OccurredOn, entry.Comment, entry.FromStage!.Value, entry.Trigger!.Value));
        Assert.Contains("Reopened on 11 Dec 2026, 10 days after it closed: back to \"Panel and report writing\".", entry.Detail, StringComparison.Ordinal);
        Assert.Contains($"moved from {UkDate.Format(dueBefore)} to {UkDate.Format(dueBefore.AddDays(10))} (10 days closed)", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_AfterAStopWhileOnHold_ReturnsToTheStageHeldFrom_CountingTheHoldAndTheClose()
    {
        var c = DardrV1EffectsTests.AtPanelAndReport();
        var completion = c.Clock(ClockKind.Completion);
        var dueBefore = completion.DueDate;
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 1, 15) }, new DateOnly(2026, 11, 10));
        c.Fire(new StopReviewArgs { Comment = "Agreed." }, new DateOnly(2026, 12, 1));
        var cancelled = c.Changes.Items.Where(i => i.Status == WorkItemStatus.Cancelled && i.IsProcessStep && i.Kind != WorkItemKind.ReviewHold).ToList();

        var close = Close(Stage.PanelAndReport, new DateOnly(2026, 12, 1), heldSince: new DateOnly(2026, 11, 10));
        var changes = CaseChanges.InMemory(c.Review, DardrV1Tests.ActorWith(Role.Manager), NoonOf(Today), BusinessCalendar.EnglandAndWales(), new DeadlineSettings(),
            closedBy: (close, [completion], cancelled));
        var entry = Definition.Fire(changes, new GuardFacts(0, close), new ReopenReviewArgs { Comment = "The trial ended.", Date = new DateOnly(2026, 12, 10) });

        // Not back on hold: the stop ended the hold; the stage held from, with the 30 days held and closed added.
        Assert.Equal((Stage.PanelAndReport, (Stage?)null), (c.Review.Stage, c.Review.HeldFromStage));
        Assert.Equal((ClockStatus.Running, dueBefore.AddDays(30)), (completion.Status, completion.DueDate));
        Assert.Equal([WorkItemKind.CompleteReview], changes.Items.Where(i => i.IsOpen).Select(i => i.Kind));
        Assert.Contains("(30 days on hold and closed)", entry.Detail, StringComparison.Ordinal);
    }
}
