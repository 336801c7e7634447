using Domain.Calendar;
using Domain.Reports;

namespace Portal.Fast.Tests;

public sealed class BoardTimelinessTests
{
    private static readonly DeadlineSettings Targets = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Measure_DecisionOnTheLastDayOfAShortMonth_TargetClampsToTheMonthEnd()
    {
        // Notified 31 January: the decision is due 28 February (no 31 February), so 28 Feb is on time and 1 Mar late.
        var onTime = Timeliness.Measure(new Milestones(D(2027, 1, 31), D(2027, 2, 28), null, null, null, null), [], D(2027, 3, 10), Targets)[0];
        var late = Timeliness.Measure(new Milestones(D(2027, 1, 31), D(2027, 3, 1), null, null, null, null), [], D(2027, 3, 10), Targets)[0];
        Assert.Equal((D(2027, 2, 28), true, 28), (onTime.Target!.Value, onTime.Met!.Value, onTime.ElapsedDays!.Value));
        Assert.Equal((D(2027, 2, 28), false), (late.Target!.Value, late.Met!.Value));
    }

    [Fact]
    public void Measure_HoldWithinTheStep_ShownSeparatelyAndAddedToTheTarget()
    {
        // Decided 31 Aug; six months would be 28 Feb; 30 days on hold across the month end move it to 30 Mar.
        var holds = new[] { new HoldSpell(D(2026, 10, 20), D(2026, 11, 19)) };
        var steps = Timeliness.Measure(new Milestones(D(2026, 8, 1), D(2026, 8, 31), D(2026, 9, 15), null, D(2027, 3, 30), null), holds, D(2027, 4, 1), Targets);
        var signOff = steps.Single(s => s.Step == TimelinessStep.DecisionToSignOff);
        Assert.Equal(30, signOff.HeldDays);
        Assert.Equal(D(2027, 3, 30), signOff.Target);
        Assert.True(signOff.Met);
        Assert.Equal(211, signOff.ElapsedDays);
        Assert.Equal(181, signOff.DaysExcludingHolds);
        // The hold fell after the author was appointed: that step has none.
        Assert.Equal(0, steps.Single(s => s.Step == TimelinessStep.DecisionToAuthor).HeldDays);
        Assert.Equal("181 days, on time (+30 on hold)", Workflows.Reports.BoardReportText.Step(signOff));
    }

    [Fact]
    public void Measure_StillOnHoldAtTheReportDate_CountsHeldDaysToThatDate()
    {
        var holds = new[] { new HoldSpell(D(2027, 1, 31), null) };
        var step = Timeliness.Measure(new Milestones(D(2027, 1, 1), D(2027, 1, 10), null, null, null, null), holds, D(2027, 2, 28), Targets)[1];
        Assert.Equal(28, step.HeldDays);
        Assert.Equal(49, step.ElapsedDays);
        Assert.True(step.InProgress);
        Assert.Null(step.Met); // target 10 Feb + 28 days = 10 Mar: not yet late
        Assert.Equal(D(2027, 3, 10), step.Target);
    }

    [Fact]
    public void Measure_MilestoneAfterTheReportDate_IsNotYetReached_AndOverdueWhenPastTarget()
    {
        var steps = Timeliness.Measure(new Milestones(D(2027, 1, 1), D(2027, 3, 1), null, null, null, null), [], D(2027, 2, 15), Targets);
        Assert.True(steps[0].InProgress);
        Assert.False(steps[0].Met);
        Assert.Equal("45 days so far, overdue", Workflows.Reports.BoardReportText.Step(steps[0]));
        Assert.True(steps[1].NotStarted);
        Assert.Equal("Not reached", Workflows.Reports.BoardReportText.Step(steps[1]));
    }

    [Fact]
    public void HeldDaysBetween_SeveralSpells_OnlyTheOverlapCounts()
    {
        var holds = new[] { new HoldSpell(D(2027, 1, 1), D(2027, 1, 11)), new HoldSpell(D(2027, 2, 20), D(2027, 3, 5)) };
        Assert.Equal(5 + 9, Timeliness.HeldDaysBetween(holds, D(2027, 1, 6), D(2027, 3, 1)));
    }

    [Fact]
    public void Measure_DecidedOnTheTargetDayItself_IsOnTime_TheDayAfterIsLate()
    {
        var onTheDay = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 1), null, null, null, null), [], D(2026, 12, 1), Targets)[0];
        var dayAfter = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 2), null, null, null, null), [], D(2026, 12, 1), Targets)[0];

        Assert.Equal((D(2026, 11, 1), true, 31), (onTheDay.Target!.Value, onTheDay.Met!.Value, onTheDay.ElapsedDays!.Value));
        Assert.False(dayAfter.Met);
    }

    [Fact]
    public void Measure_NotDecidedOnTheTargetDay_IsNotYetLate_TheDayAfterItIs()
    {
        var onTheDay = Timeliness.Measure(new Milestones(D(2026, 10, 1), null, null, null, null, null), [], D(2026, 11, 1), Targets)[0];
        var dayAfter = Timeliness.Measure(new Milestones(D(2026, 10, 1), null, null, null, null, null), [], D(2026, 11, 2), Targets)[0];

        Assert.Null(onTheDay.Met);
        Assert.True(onTheDay.InProgress);
        Assert.False(dayAfter.Met);
        // A decision after the report date has not happened as of that date.
        var later = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 5), null, null, null, null), [], D(2026, 11, 4), Targets)[0];
        Assert.Equal((null, 34), (later.End, later.ElapsedDays!.Value));
    }
}
