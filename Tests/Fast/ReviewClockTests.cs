using Domain.Workflow;

namespace Portal.Fast.Tests;

public class ReviewClockTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Resume_AfterAHoldAcrossAMonthEnd_AddsTheCalendarDaysHeld()
    {
        var clock = ReviewClock.Start(1, ClockKind.Completion, D(2026, 8, 31), D(2027, 2, 28));
        clock.Pause(D(2027, 1, 31));

        var held = clock.Resume(D(2027, 3, 2), D(2027, 3, 2));

        Assert.Equal(30, held); // 28 days of February 2027, plus 31 January to 1 February and 1 to 2 March
        Assert.Equal(D(2027, 3, 30), clock.DueDate);
        Assert.Equal(D(2027, 2, 28), clock.BaseDueDate);
        Assert.Equal(ClockStatus.Running, clock.Status);
    }

    [Fact]
    public void Resume_InALeapYearFebruary_CountsTheLeapDay()
    {
        var clock = ReviewClock.Start(1, ClockKind.Decision, D(2028, 1, 31), D(2028, 2, 29));
        clock.Pause(D(2028, 2, 1));
        Assert.Equal(29, clock.Resume(D(2028, 3, 1), D(2028, 3, 1)));
        Assert.Equal(D(2028, 3, 29), clock.DueDate);
    }

    [Fact]
    public void Resume_TwoHolds_Accumulate()
    {
        var clock = ReviewClock.Start(1, ClockKind.Appointment, D(2026, 11, 2), D(2026, 12, 2));
        clock.Pause(D(2026, 11, 10));
        clock.Resume(D(2026, 11, 20), D(2026, 11, 20));
        clock.Pause(D(2026, 12, 1));
        clock.Resume(D(2026, 12, 6), D(2026, 12, 6));
        Assert.Equal(15, clock.PausedDays);
        Assert.Equal(D(2026, 12, 17), clock.DueDate);
    }

    [Fact]
    public void Resume_TheSameDay_AddsNothing()
    {
        var clock = ReviewClock.Start(1, ClockKind.Decision, D(2026, 11, 2), D(2026, 12, 2));
        clock.Pause(D(2026, 11, 10));
        Assert.Equal(0, clock.Resume(D(2026, 11, 10), D(2026, 11, 10)));
        Assert.Equal(D(2026, 12, 2), clock.DueDate);
    }

    [Fact]
    public void Resume_MovingTheDueDateIntoTheFuture_ClearsOverdue()
    {
        var clock = ReviewClock.Start(1, ClockKind.Decision, D(2026, 10, 1), D(2026, 11, 1));
        clock.OverdueSinceUtc = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        clock.Pause(D(2026, 10, 20));
        clock.Resume(D(2026, 11, 5), D(2026, 11, 5));
        Assert.Equal(D(2026, 11, 17), clock.DueDate);
        Assert.Null(clock.OverdueSinceUtc);
    }

    [Fact]
    public void Resume_OnAPastDate_CountsTheDaysToThatDate_AndKeepsOverdueWhenTheNewDueDateHasPassedToday()
    {
        // Held from 20 October, resumed on 5 November (16 days), recorded on 4 December: due 17 November, already past.
        var clock = ReviewClock.Start(1, ClockKind.Decision, D(2026, 10, 1), D(2026, 11, 1));
        clock.OverdueSinceUtc = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        clock.Pause(D(2026, 10, 20));

        Assert.Equal(16, clock.Resume(D(2026, 11, 5), D(2026, 12, 4)));

        Assert.Equal(D(2026, 11, 17), clock.DueDate);
        Assert.NotNull(clock.OverdueSinceUtc);
    }

    [Fact]
    public void PausesOnHold_OnlyTheReviewsClocks()
    {
        Assert.True(ReviewClock.Start(1, ClockKind.Decision, D(2026, 1, 1), D(2026, 2, 1)).PausesOnHold);
        Assert.True(ReviewClock.Start(1, ClockKind.Appointment, D(2026, 1, 1), D(2026, 2, 1)).PausesOnHold);
        Assert.True(ReviewClock.Start(1, ClockKind.Completion, D(2026, 1, 1), D(2026, 2, 1)).PausesOnHold);
        Assert.False(ReviewClock.Start(1, ClockKind.HomeOfficeNotification, D(2026, 1, 1), D(2026, 2, 1)).PausesOnHold);
        Assert.False(ReviewClock.Start(1, ClockKind.QaChase, D(2026, 1, 1), D(2026, 2, 1)).PausesOnHold);
    }

    [Fact]
    public void WorkItemResume_MovesItsOwnDueDateByThePausedDays()
    {
        var item = new WorkItem { Title = "Chronology from the police", DueDate = D(2026, 12, 10) };
        item.Pause(D(2026, 11, 23));
        Assert.Equal(7, item.Resume(D(2026, 11, 30)));
        Assert.Equal(D(2026, 12, 17), item.DueDate);
        Assert.False(item.IsPaused);
    }

    [Fact]
    public void Resume_OnItsDueDateItself_ClearsOverdue_AfterItKeepsIt()
    {
        var due = ReviewClock.Start(1, ClockKind.Completion, D(2026, 10, 1), D(2026, 11, 1));
        due.Pause(D(2026, 10, 30));
        due.OverdueSinceUtc = new DateTime(2026, 10, 30, 9, 0, 0, DateTimeKind.Utc);
        due.Resume(D(2026, 11, 3), D(2026, 11, 3)); // 4 days held: due 5 November; 3 November is before it
        Assert.Null(due.OverdueSinceUtc);

        // Held 0 days: resumed on the day it paused, which is the due date itself.
        var same = ReviewClock.Start(1, ClockKind.Completion, D(2026, 10, 1), D(2026, 11, 1));
        same.OverdueSinceUtc = new DateTime(2026, 10, 30, 9, 0, 0, DateTimeKind.Utc);
        same.Pause(D(2026, 11, 1));
        Assert.Equal(0, same.Resume(D(2026, 11, 1), D(2026, 11, 1)));
        Assert.Equal((D(2026, 11, 1), (DateTime?)null), (same.DueDate, same.OverdueSinceUtc));

        var after = ReviewClock.Start(1, ClockKind.Completion, D(2026, 10, 1), D(2026, 11, 1));
        after.OverdueSinceUtc = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        after.Pause(D(2026, 11, 2));
        Assert.Equal(0, after.Resume(D(2026, 11, 2), D(2026, 11, 2)));
        Assert.NotNull(after.OverdueSinceUtc);
    }
}
