using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// What a command's CaseChanges does to the clocks, tasks and timers of a case loaded from the database (they have ids,
/// and timers point at them by id), and how it writes the journal. The transitions' own effects are in
/// DardrV1EffectsTests, on a case whose rows are all new. Dates are written out: Thursday 1 October 2026 onwards.
public class CaseChangesTests
{
    private static readonly DateOnly Oct1 = new(2026, 10, 1);

    private static DateTime NoonOf(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);

    private static ReviewClock Loaded(long id, ClockKind kind, DateOnly due, ClockStatus status = ClockStatus.Running, DateOnly? pausedSince = null)
    {
        var clock = ReviewClock.Start(7, kind, Oct1, due);
        clock.Id = id;
        clock.Status = status;
        clock.PausedSince = pausedSince;
        return clock;
    }

    private static WorkItem Item(long id, WorkItemKind kind, long? clockId = null, DateOnly? due = null) => new()
    {
        Id = id, ReviewId = 7, Kind = kind, Title = kind.ToString(), ClockId = clockId, DueDate = due, Status = WorkItemStatus.Open,
    };

    private static WorkflowTimer Timer(long id, long? clockId = null, long? itemId = null) => new()
    {
        Id = id, ReviewId = 7, Kind = clockId is null ? TimerKind.WorkItemDue : TimerKind.ClockDue, ClockId = clockId, WorkItemId = itemId,
        Status = TimerStatus.Pending, DueAtUtc = NoonOf(Oct1.AddDays(30)),
    };

    private static CaseChanges Case(DateOnly today, IEnumerable<ReviewClock>? clocks = null, IEnumerable<WorkItem>? items = null,
        IEnumerable<WorkflowTimer>? timers = null, Actor? actor = null) =>
        CaseChanges.InMemory(DardrV1Tests.ReviewAt(Stage.PanelAndReport, r => r.Id = 7), actor ?? DardrV1Tests.ActorWith(Role.ReviewOfficer),
            NoonOf(today), BusinessCalendar.EnglandAndWales(), new DeadlineSettings(), clocks, items, timers);

    private static TimerStatus StatusOf(CaseChanges c, long timerId) => c.Timers.Single(t => t.Id == timerId).Status;

    [Fact]
    public void PauseClocksForHold_PausesTheClocksAHoldStops_AndCancelsTheirTimersById_NotOthers()
    {
        var c = Case(new DateOnly(2026, 10, 20),
            [Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1)), Loaded(12, ClockKind.HomeOfficeNotification, new DateOnly(2026, 10, 27)),
             Loaded(13, ClockKind.Completion, new DateOnly(2027, 4, 1), ClockStatus.Completed)],
            [Item(20, WorkItemKind.RecordCrgDecision, due: new DateOnly(2026, 10, 25))],
            [Timer(1, clockId: 11), Timer(2, clockId: 12), Timer(3, itemId: 20), Timer(4, clockId: 13)]);

        c.PauseClocksForHold(new DateOnly(2026, 10, 18));

        var decision = c.Clocks.Single(k => k.Id == 11);
        Assert.Equal((ClockStatus.Paused, new DateOnly(2026, 10, 18)), (decision.Status, decision.PausedSince));
        Assert.Equal(ClockStatus.Running, c.Clocks.Single(k => k.Id == 12).Status);
        Assert.Equal(ClockStatus.Completed, c.Clocks.Single(k => k.Id == 13).Status);
        Assert.Equal([TimerStatus.Cancelled, TimerStatus.Pending, TimerStatus.Pending, TimerStatus.Pending], new long[] { 1, 2, 3, 4 }.Select(id => StatusOf(c, id)));
        Assert.Equal(["CRG decision due (1 Nov 2026) paused."], c.Notes);
    }

    [Fact]
    public void ResumeClocksAfterHold_AddsTheDaysHeld_ToTheClockAndItsOpenDatedTasks_ByIdOrReference()
    {
        var decision = Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1), ClockStatus.Paused, new DateOnly(2026, 10, 18));
        var onClock = Item(20, WorkItemKind.RecordCrgDecision, clockId: 11, due: new DateOnly(2026, 11, 1));
        var undated = Item(21, WorkItemKind.PresentToCrg, clockId: 11);
        var otherClock = Item(22, WorkItemKind.NotifyHomeOffice, clockId: 12, due: new DateOnly(2026, 11, 1));
        var closed = Item(23, WorkItemKind.RecordCrgDecision, clockId: 11, due: new DateOnly(2026, 11, 1));
        closed.Status = WorkItemStatus.Completed;
        var c = Case(new DateOnly(2026, 10, 28), [decision], [onClock, undated, otherClock, closed]);
        var byReference = c.OpenItem(WorkItemKind.CompleteReview, "New, on the clock", new DateOnly(2026, 11, 1), decision);

        c.ResumeClocksAfterHold(new DateOnly(2026, 10, 28));

        var moved = new DateOnly(2026, 11, 11);
        Assert.Equal((ClockStatus.Running, 10, moved), (decision.Status, decision.PausedDays, decision.DueDate));
        Assert.Equal((moved, 1), (onClock.DueDate, onClock.Version));
        Assert.Equal(moved, byReference.DueDate);
        Assert.Equal(((DateOnly?)null, 0), (undated.DueDate, undated.Version));
        Assert.Equal((new DateOnly(2026, 11, 1), 0), (otherClock.DueDate!.Value, otherClock.Version));
        Assert.Equal((new DateOnly(2026, 11, 1), 0), (closed.DueDate!.Value, closed.Version));
        var timer = Assert.Single(c.Timers, t => t.Clock == decision);
        Assert.Equal((TimerKind.ClockDue, TimerStatus.Pending, London.OverdueFromUtc(moved)), (timer.Kind, timer.Status, timer.DueAtUtc));
        Assert.EndsWith("moved from 1 Nov 2026 to 11 Nov 2026 (10 days on hold).", c.Notes[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeClocksAfterHold_OneDayHeld_IsOneDay()
    {
        var decision = Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1), ClockStatus.Paused, new DateOnly(2026, 10, 18));
        var c = Case(new DateOnly(2026, 10, 19), [decision]);

        c.ResumeClocksAfterHold(new DateOnly(2026, 10, 19));

        Assert.Equal(new DateOnly(2026, 11, 2), decision.DueDate);
        Assert.EndsWith("moved from 1 Nov 2026 to 2 Nov 2026 (1 day on hold).", Assert.Single(c.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void StartClock_ReplacesTheOpenClockOfItsKind_CancellingItsTimer()
    {
        var old = Loaded(11, ClockKind.Completion, new DateOnly(2027, 4, 1));
        var c = Case(new DateOnly(2026, 10, 20), [old, Loaded(12, ClockKind.Appointment, new DateOnly(2026, 11, 20))], timers: [Timer(1, clockId: 11), Timer(2, clockId: 12)]);

        var started = c.StartClock(ClockKind.Completion, new DateOnly(2026, 10, 20), new DateOnly(2027, 4, 20));

        Assert.Equal(ClockStatus.Cancelled, old.Status);
        Assert.Same(started, c.Clock(ClockKind.Completion));
        Assert.Equal((7, ClockStatus.Running, new DateOnly(2026, 10, 20), new DateOnly(2027, 4, 20)), (started.ReviewId, started.Status, started.StartDate, started.DueDate));
        Assert.Equal([TimerStatus.Cancelled, TimerStatus.Pending], new long[] { 1, 2 }.Select(id => StatusOf(c, id)));
        var timer = Assert.Single(c.Timers, t => t.Clock == started);
        Assert.Equal((TimerStatus.Pending, London.OverdueFromUtc(new DateOnly(2027, 4, 20)), c.NowUtc), (timer.Status, timer.DueAtUtc, timer.CreatedAtUtc));
    }

    [Fact]
    public void CompleteClock_IsMetOnTheDayGiven_AndCancelsItsTimer_AMissingClockIsNoChange()
    {
        var clock = Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1));
        var c = Case(new DateOnly(2026, 10, 20), [clock], timers: [Timer(1, clockId: 11)]);

        c.CompleteClock(ClockKind.Decision, new DateOnly(2026, 11, 1));
        c.CompleteClock(ClockKind.Completion, new DateOnly(2026, 11, 1));

        Assert.Equal((ClockStatus.Completed, (DateOnly?)new DateOnly(2026, 11, 1)), (clock.Status, clock.CompletedOn));
        Assert.Equal(TimerStatus.Cancelled, StatusOf(c, 1));
        Assert.Null(c.Clock(ClockKind.Decision));
        Assert.Null(c.OpenClock(11));
        // Met on the due date itself is on time.
        Assert.EndsWith("(1 Nov 2026): met on 1 Nov 2026.", Assert.Single(c.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteClock_TheDayAfterItWasDue_IsLate()
    {
        var c = Case(new DateOnly(2026, 11, 2), [Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1))]);

        c.CompleteClock(ClockKind.Decision, new DateOnly(2026, 11, 2));

        Assert.EndsWith("met on 2 Nov 2026, late.", Assert.Single(c.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenClock_FindsAnOpenClockById_PausedToo()
    {
        var c = Case(Oct1, [Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1), ClockStatus.Paused, Oct1), Loaded(12, ClockKind.Appointment, new DateOnly(2026, 11, 1))]);

        Assert.Equal(11, c.OpenClock(11)!.Id);
        Assert.Equal(12, c.OpenClock(12)!.Id);
        Assert.Null(c.OpenClock(13));
        Assert.Null(c.OpenClock(null));
        Assert.Equal(11, c.Clock(ClockKind.Decision)!.Id);
    }

    [Fact]
    public void CloseItems_ClosesOnlyTheKindsNamed_AsDoneByTheActor_AndCancelsTheirTimersById()
    {
        var crg = Item(20, WorkItemKind.PresentToCrg);
        var other = Item(21, WorkItemKind.NotifyHomeOffice);
        var c = Case(new DateOnly(2026, 10, 20), items: [crg, other], timers: [Timer(1, itemId: 20), Timer(2, itemId: 21)]);

        c.CloseItems(WorkItemKind.PresentToCrg, WorkItemKind.AppointAuthor);

        Assert.Equal((WorkItemStatus.Completed, "user", c.NowUtc, 1), (crg.Status, crg.CompletedByUserId, crg.CompletedAtUtc!.Value, crg.Version));
        Assert.Equal("Done: recorded on the review", crg.Outcome);
        Assert.Equal((WorkItemStatus.Open, 0), (other.Status, other.Version));
        Assert.Equal([TimerStatus.Cancelled, TimerStatus.Pending], new long[] { 1, 2 }.Select(id => StatusOf(c, id)));
        Assert.Equal([WorkItemKind.NotifyHomeOffice], c.OpenItems.Select(i => i.Kind));
    }

    [Fact]
    public void CloseEverything_CancelsEveryOpenTaskAndClock_AndAllTheirTimers()
    {
        var clock = Loaded(11, ClockKind.Decision, new DateOnly(2026, 11, 1), ClockStatus.Paused, Oct1);
        var done = Loaded(12, ClockKind.HomeOfficeNotification, new DateOnly(2026, 10, 27), ClockStatus.Completed);
        var item = Item(20, WorkItemKind.PresentToCrg);
        // A system command (a timer, an import) closes the case: nobody is named as having done it.
        var c = Case(new DateOnly(2026, 10, 20), [clock, done], [item], [Timer(1, clockId: 11), Timer(2, itemId: 20)], Actor.Anonymous);

        c.CloseEverything();

        Assert.Equal((ClockStatus.Cancelled, (DateOnly?)null), (clock.Status, clock.PausedSince));
        Assert.Equal(ClockStatus.Completed, done.Status);
        Assert.Equal((WorkItemStatus.Cancelled, (string?)null, "Cancelled: the review was closed"), (item.Status, item.CompletedByUserId, item.Outcome));
        Assert.Equal(2, c.Timers.Count);
        Assert.All(c.Timers, t => Assert.Equal(TimerStatus.Cancelled, t.Status));
        Assert.Empty(c.OpenItems);
    }

    [Fact]
    public void OpenItem_ADueDateOfItsOwnGetsATimer_AClocksTaskDoesNot_AndANonStepHasNoStage()
    {
        var c = Case(new DateOnly(2026, 10, 20));
        var clock = c.StartClock(ClockKind.Decision, Oct1, new DateOnly(2026, 11, 1));

        var own = c.OpenItem(WorkItemKind.PresentToCrg, "Own date", new DateOnly(2026, 10, 30), followUp: new DateOnly(2026, 10, 25));
        var onClock = c.OpenItem(WorkItemKind.RecordCrgDecision, "Clock's date", new DateOnly(2026, 11, 1), clock);
        var aside = c.OpenItem(WorkItemKind.NotifyHomeOffice, "Not a step", processStep: false);

        Assert.Equal((7, Stage.PanelAndReport, true, Role.ReviewOfficer, WorkItemPriority.Normal, WorkItemStatus.Open, c.NowUtc),
            (own.ReviewId, own.Stage!.Value, own.IsProcessStep, own.CandidateRole!.Value, own.Priority, own.Status, own.CreatedAtUtc));
        Assert.Equal(new DateOnly(2026, 10, 25), own.FollowUpDate);
        var ownTimer = Assert.Single(c.Timers, t => t.WorkItem == own);
        Assert.Equal((TimerKind.WorkItemDue, London.OverdueFromUtc(new DateOnly(2026, 10, 30))), (ownTimer.Kind, ownTimer.DueAtUtc));
        Assert.DoesNotContain(c.Timers, t => t.WorkItem == onClock || t.WorkItem == aside);
        Assert.Same(clock, onClock.Clock);
        Assert.Equal(((Stage?)null, false), (aside.Stage, aside.IsProcessStep));
        Assert.Equal(3, c.OpenItems.Count);
    }

    [Fact]
    public void Journal_SaysTheNotesSinceTheLastEntry_TrimsTheComment_AndOnlyAStepMovesTheLastStep()
    {
        var c = Case(new DateOnly(2026, 10, 20));
        c.Note("First.");
        c.Note("Second.");

        var step = c.Journal(JournalKind.Transition, Stage.Commissioning, Trigger.AppointAuthor, "  Appointed.  ", new DateOnly(2026, 10, 19));
        var recorded = c.Journal(JournalKind.Recorded, Stage.PanelAndReport, null, "   ", new DateOnly(2026, 10, 20));

        Assert.Equal((7, new DateOnly(2026, 10, 19), c.NowUtc, "user", Stage.Commissioning, Stage.PanelAndReport, Trigger.AppointAuthor),
            (step.ReviewId, step.OccurredOn, step.RecordedAtUtc, step.UserId, step.FromStage!.Value, step.ToStage, step.Trigger!.Value));
        Assert.Equal(("Appointed.", "First. Second.", "dardr", 1), (step.Comment, step.Detail, step.DefinitionId, step.DefinitionVersion));
        Assert.Equal(((string?)null, (string?)null, (Trigger?)null), (recorded.Comment, recorded.Detail, recorded.Trigger));
        Assert.Equal(new PreviousStep(new DateOnly(2026, 10, 19), Trigger.AppointAuthor), c.LastStep);
        Assert.Equal([step, recorded], c.JournalEntries);
        Assert.Empty(c.Notes);

        c.Journal(JournalKind.Started, null, null, null, new DateOnly(2026, 10, 21));
        Assert.Equal(new PreviousStep(new DateOnly(2026, 10, 21), null), c.LastStep);
    }

    [Fact]
    public void Journal_ByNobody_HasNoUser_AndANoteLongerThanTheColumnIsCut()
    {
        var c = Case(new DateOnly(2026, 10, 20), actor: Actor.Anonymous);
        c.Note(new string('x', JournalEntry.DetailMaxLength + 5));

        var entry = c.Journal(JournalKind.Transition, Stage.PanelAndReport, Trigger.PutOnHold, null, new DateOnly(2026, 10, 20));

        Assert.Null(entry.UserId);
        Assert.Equal(JournalEntry.DetailMaxLength, entry.Detail!.Length);
    }

    [Fact]
    public void MoveTo_TodayIsTheLondonDate_SoLateEveningInSummerIsTomorrow()
    {
        var c = Case(Oct1);

        c.MoveTo(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc));

        Assert.Equal((new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc), new DateOnly(2026, 7, 1)), (c.NowUtc, c.Today));
    }
}
