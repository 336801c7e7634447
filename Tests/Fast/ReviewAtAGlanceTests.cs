using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

public class ReviewAtAGlanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ActionOption Option(Trigger trigger, bool available) =>
        new(trigger, TriggerNames.Describe(trigger), available, available ? [] : ["Not yet."]);

    private static ClockView Clock(ClockKind kind, DateOnly due, ClockStatus status) =>
        new(kind, ReviewClock.Describe(kind), due.AddMonths(-1), due, 0, status, null, status == ClockStatus.Running && Today > due, null, "");

    [Fact]
    public void NextAction_IsTheFirstAvailableStep_NotHoldOrStop()
    {
        var actions = new[] { Option(Trigger.PutOnHold, true), Option(Trigger.RecordHomeOfficeAcknowledged, false), Option(Trigger.RecordHomeOfficeNotified, true) };

        Assert.Equal(Trigger.RecordHomeOfficeNotified, ReviewAtAGlance.NextAction(actions)?.Trigger);
    }

    [Fact]
    public void NextAction_IsHold_WhenNothingElseIsAvailable_AndNull_WhenNothingIs()
    {
        Assert.Equal(Trigger.PutOnHold, ReviewAtAGlance.NextAction([Option(Trigger.PutOnHold, true), Option(Trigger.RecordSignedOff, false)])?.Trigger);
        Assert.Null(ReviewAtAGlance.NextAction([Option(Trigger.RecordSignedOff, false)]));
        Assert.Null(ReviewAtAGlance.NextAction([]));
    }

    [Fact]
    public void NextDeadline_IsTheRunningClockDueSoonest_ThenAPausedOne()
    {
        var completion = Clock(ClockKind.Completion, Today.AddDays(40), ClockStatus.Running);
        var appointment = Clock(ClockKind.Appointment, Today.AddDays(-3), ClockStatus.Running);
        var met = Clock(ClockKind.Decision, Today.AddDays(-90), ClockStatus.Completed);

        Assert.Equal(ClockKind.Appointment, ReviewAtAGlance.NextDeadline([completion, met, appointment])?.Kind);
        Assert.Equal(ClockKind.Completion, ReviewAtAGlance.NextDeadline([met, Clock(ClockKind.Completion, Today.AddDays(40), ClockStatus.Paused)])?.Kind);
        Assert.Null(ReviewAtAGlance.NextDeadline([met]));
    }
}
