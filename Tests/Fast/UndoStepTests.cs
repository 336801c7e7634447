using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// Undoing a review's latest step, recorded by mistake (StepState, CaseChanges.UndoStep, DardrV1.CannotUndo): the review
/// goes back to where it was before it; the clocks and tasks the step started are cancelled, those it ended or moved come
/// back with their due dates, each running clock with its timer. Fixed dates stand for the business clock.
public class UndoStepTests
{
    private static readonly DardrV1 Definition = new();

    private static DateTime NoonOf(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);

    private static long _ids;

    /// As saving gives rows their ids (the state before a step finds its clocks by id).
    private static void Save(DardrV1EffectsTests.Case c)
    {
        foreach (var clock in c.Changes.Clocks.Where(k => k.Id == 0))
        {
            clock.Id = Interlocked.Increment(ref _ids);
        }

        foreach (var item in c.Changes.Items.Where(w => w.Id == 0))
        {
            item.Id = Interlocked.Increment(ref _ids);
            item.ClockId = item.Clock?.Id;
        }

        foreach (var timer in c.Changes.Timers.Where(t => t.Id == 0))
        {
            timer.Id = Interlocked.Increment(ref _ids);
            timer.ClockId = timer.Clock?.Id;
            timer.WorkItemId = timer.WorkItem?.Id;
        }
    }

    /// Fires a step as the engine does: the state before it kept (through JSON, as the journal keeps it), then saved.
    private static (JournalEntry Step, StepState Before) Fire(DardrV1EffectsTests.Case c, TriggerArgs args, DateOnly on)
    {
        Save(c);
        var before = StepState.FromJson(StepState.Capture(c.Review, c.Changes.Clocks)!.ToJson());
        var step = c.Fire(args, on);
        Save(c);
        return (step, before);
    }

    private static void Undo(DardrV1EffectsTests.Case c, (JournalEntry Step, StepState Before) fired, DateOnly today)
    {
        c.Changes.MoveTo(NoonOf(today));
        c.Changes.UndoStep(fired.Before, fired.Step.RecordedAtUtc);
        Save(c);
    }

    [Fact]
    public void ADecisionUndone_PutsTheReviewBack_RunsTheDecisionClockAgain_CancelsWhatTheDecisionStarted_AndReopensTheDecisionTask()
    {
        var c = new DardrV1EffectsTests.Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        var decisionDue = c.Clock(ClockKind.Decision).DueDate;
        var task = c.Open(WorkItemKind.RecordCrgDecision);
        var fired = Fire(c, new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 10, 20));
        var started = c.Changes.Clocks.Where(k => k.Kind != ClockKind.Decision).ToList();
        Assert.Equal(3, started.Count);

        Undo(c, fired, today: new DateOnly(2026, 10, 22));

        var r = c.Review;
        Assert.Equal((Stage.AwaitingCrgDecision, (CrgOutcome?)null, (DateOnly?)null, (DateOnly?)new DateOnly(2026, 10, 5)),
            (r.Stage, r.CrgOutcome, r.DecidedOn, r.CrgFirstPresentedOn));
        var decision = c.Changes.Clocks.Single(k => k.Kind == ClockKind.Decision);
        Assert.Equal((ClockStatus.Running, decisionDue, (DateOnly?)null), (decision.Status, decision.DueDate, decision.CompletedOn));
        Assert.All(started, k => Assert.Equal(ClockStatus.Cancelled, k.Status));
        // One pending timer: the decision clock's, at the start of the day after it is due.
        var timer = Assert.Single(c.Pending);
        Assert.Equal((decision.Id, London.OverdueFromUtc(decisionDue)), (timer.ClockId, timer.DueAtUtc));
        Assert.True(task.IsOpen);
        Assert.Equal(((DateOnly?)decisionDue, (DateTime?)null, (string?)null), (task.DueDate, task.CompletedAtUtc, task.Outcome));
        Assert.Equal([WorkItemKind.RecordCrgDecision], c.OpenKinds);
        Assert.Equal(WorkItemStatus.Cancelled, c.Changes.Items.Single(w => w.Kind == WorkItemKind.NotifyHomeOffice).Status);
        Assert.Contains("Task open again: Record the CRG's decision, due " + UkDate.Format(decisionDue) + ".", c.Changes.Notes);
    }

    [Fact]
    public void AHoldFromAPastDateUndone_RunsTheClocksAgainWithTheirDueDates_AndCancelsTheHoldsTask()
    {
        var c = DardrV1EffectsTests.AtCommissioning();
        var appointmentDue = c.Clock(ClockKind.Appointment).DueDate;
        var completionDue = c.Clock(ClockKind.Completion).DueDate;
        var fired = Fire(c, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2027, 1, 4), Date = new DateOnly(2026, 11, 30) },
            new DateOnly(2026, 12, 2));
        Assert.Equal(ClockStatus.Paused, c.Changes.Clocks.Single(k => k.Kind == ClockKind.Appointment && k.IsOpen).Status);

        // Undone a month later, across the month end: the due dates are those before the hold.
        Undo(c, fired, today: new DateOnly(2027, 1, 3));

        var r = c.Review;
        Assert.Equal((Stage.Commissioning, (Stage?)null, (HoldReason?)null, (DateOnly?)null, (DateOnly?)null),
            (r.Stage, r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate));
        var appointment = c.Changes.Clocks.Single(k => k.Kind == ClockKind.Appointment && k.IsOpen);
        var completion = c.Changes.Clocks.Single(k => k.Kind == ClockKind.Completion && k.IsOpen);
        Assert.Equal((ClockStatus.Running, appointmentDue, (DateOnly?)null, 0), (appointment.Status, appointment.DueDate, appointment.PausedSince, appointment.PausedDays));
        Assert.Equal((ClockStatus.Running, completionDue), (completion.Status, completion.DueDate));
        Assert.Equal(new[] { appointment.Id, completion.Id }.Order(), c.Pending.Where(t => t.Kind == TimerKind.ClockDue).Select(t => t.ClockId!.Value).Order());
        Assert.Equal(WorkItemStatus.Cancelled, c.Changes.Items.Single(w => w.Kind == WorkItemKind.ReviewHold).Status);
        Assert.DoesNotContain(c.Pending, t => t.Kind == TimerKind.WorkItemDue);
        Assert.Equal([WorkItemKind.AppointAuthor], c.OpenKinds);
        Assert.Equal((DateOnly?)appointmentDue, c.Open(WorkItemKind.AppointAuthor).DueDate);
    }

    [Fact]
    public void AResumeUndone_PausesTheClocksAgainFromTheHoldsStart_TakesBackTheDaysAdded_AndReopensTheHoldsTaskWithItsTimer()
    {
        var c = DardrV1EffectsTests.AtCommissioning();
        var appointmentDue = c.Clock(ClockKind.Appointment).DueDate;
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 2, 1), Date = new DateOnly(2026, 11, 30) },
            new DateOnly(2026, 11, 30));
        var fired = Fire(c, new ResumeArgs { Date = new DateOnly(2027, 1, 11) }, new DateOnly(2027, 1, 12));
        var appointment = c.Changes.Clocks.Single(k => k.Kind == ClockKind.Appointment && k.IsOpen);
        Assert.Equal(appointmentDue.AddDays(42), appointment.DueDate);
        Assert.Equal((DateOnly?)appointment.DueDate, c.Open(WorkItemKind.AppointAuthor).DueDate);

        Undo(c, fired, today: new DateOnly(2027, 1, 13));

        var r = c.Review;
        Assert.Equal((Stage.OnHold, (Stage?)Stage.Commissioning, (HoldReason?)HoldReason.CriminalTrial, (DateOnly?)new DateOnly(2026, 11, 30)),
            (r.Stage, r.HeldFromStage, r.HoldReason, r.HeldSince));
        Assert.Equal((ClockStatus.Paused, appointmentDue, (DateOnly?)new DateOnly(2026, 11, 30), 0),
            (appointment.Status, appointment.DueDate, appointment.PausedSince, appointment.PausedDays));
        Assert.Equal((DateOnly?)appointmentDue, c.Open(WorkItemKind.AppointAuthor).DueDate);
        // Paused clocks have no timer; the hold's task is open again, due on its own date, with its own timer.
        Assert.DoesNotContain(c.Pending, t => t.Kind == TimerKind.ClockDue);
        var hold = c.Open(WorkItemKind.ReviewHold);
        Assert.Equal((DateOnly?)new DateOnly(2027, 2, 1), hold.DueDate);
        var timer = Assert.Single(c.Pending);
        Assert.Equal((hold.Id, London.OverdueFromUtc(new DateOnly(2027, 2, 1))), (timer.WorkItemId, timer.DueAtUtc));
    }

    [Fact]
    public void TheStateBeforeAStep_RoundTripsThroughJson_AndIsNotKeptWhileAClockOfTheCommandIsUnsaved()
    {
        var c = DardrV1EffectsTests.AtCommissioning();
        Assert.Null(StepState.Capture(c.Review, c.Changes.Clocks));
        Save(c);
        var state = StepState.Capture(c.Review, c.Changes.Clocks)!;

        var back = StepState.FromJson(state.ToJson());

        Assert.Equal(state with { Clocks = [] }, back with { Clocks = [] });
        Assert.Equal(state.Clocks, back.Clocks);
        Assert.Equal([ClockKind.Appointment, ClockKind.Completion], back.Clocks.Select(k => k.Kind).Order());
    }

    [Theory]
    [InlineData(Trigger.AppointAuthor, "end the appointment")]
    [InlineData(Trigger.SubmitToHomeOffice, "submission's record")]
    [InlineData(Trigger.RecordQaApproved, "submission's record")]
    [InlineData(Trigger.RecordPublished, "publication links")]
    [InlineData(Trigger.CloseReview, "reopen the review instead")]
    [InlineData(Trigger.StopReview, "reopen the review instead")]
    [InlineData(Trigger.ReopenReview, "close or stop the review again")]
    public void StepsWithEffectsBeyondTheProcess_CannotBeUndone_AndSayWhatToDoInstead(Trigger trigger, string instead)
    {
        Assert.Contains(instead, Definition.CannotUndo(trigger), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Trigger.PresentToCrg)]
    [InlineData(Trigger.RecordCriteriaMet)]
    [InlineData(Trigger.RecordCriteriaNotMet)]
    [InlineData(Trigger.RecordHomeOfficeDirection)]
    [InlineData(Trigger.PutOnHold)]
    [InlineData(Trigger.Resume)]
    [InlineData(Trigger.RecordSignedOff)]
    [InlineData(Trigger.ReverseCriteriaNotMet)]
    public void StepsThatChangeOnlyTheProcess_CanBeUndone(Trigger trigger) => Assert.Null(Definition.CannotUndo(trigger));
}
