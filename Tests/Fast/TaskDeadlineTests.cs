using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;
using Workflows.Reminders;

namespace Portal.Fast.Tests;

/// The one rule for "late" (TaskDeadline): a task follows the clock it works to, pausing while a hold pauses it; other
/// tasks keep their dates; every reader counts calendar days. The case is run through dardr v1's own steps in memory
/// (DardrV1EffectsTests.Case): decided 20 Oct 2026, so the appointment target is 20 Nov 2026.
public class TaskDeadlineTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// The filters the queries run, applied here to the same tasks: they must say what TaskDue says.
    private static void AssertFiltersAgree(WorkItem task, DateOnly today)
    {
        var due = TaskDeadline.Of(task);
        Assert.Equal(due.IsOverdueOn(today), TaskDeadline.OverdueOn(today).Compile()(task));
        Assert.Equal(!due.IsPaused && due.Date is DateOnly d && d >= today && d <= today.AddDays(14),
            TaskDeadline.DueBetween(today, today.AddDays(14)).Compile()(task));
        Assert.Equal(!due.IsPaused && due.Date <= today, TaskDeadline.DueBy(today).Compile()(task));
    }

    [Fact]
    public void HoldStartsAndEnds_TheClocksTaskPausesOnHold_ThenMovesOnByTheDaysHeld_TheHoldsOwnTaskKeepsItsDate()
    {
        var c = DardrV1EffectsTests.AtCommissioning();
        var appoint = c.Open(WorkItemKind.AppointAuthor);
        Assert.Equal(D(2026, 11, 20), TaskDeadline.Of(appoint).Date);
        Assert.Equal("11 days overdue", TaskDeadline.Of(appoint).Describe(D(2026, 12, 1)));

        // On hold from 1 Dec (already 11 days late): not overdue, not counted, "paused (on hold)" like its clock.
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = D(2026, 12, 10) }, D(2026, 12, 1));
        var held = TaskDeadline.Of(appoint);
        Assert.Equal((true, true, false), (held.IsPaused, held.IsOnHold, held.IsOverdueOn(D(2026, 12, 15))));
        Assert.Equal("paused (on hold)", held.Describe(D(2026, 12, 15)));
        Assert.Equal(0, held.DaysOverdue(D(2026, 12, 15)));
        AssertFiltersAgree(appoint, D(2026, 12, 15));

        // "Review the hold" works to no paused clock: it keeps its date and is overdue once that passes.
        var reviewHold = TaskDeadline.Of(c.Open(WorkItemKind.ReviewHold));
        Assert.Equal((D(2026, 12, 10), false, "5 days overdue"), (reviewHold.Date!.Value, reviewHold.IsPaused, reviewHold.Describe(D(2026, 12, 15))));
        AssertFiltersAgree(c.Open(WorkItemKind.ReviewHold), D(2026, 12, 15));

        // Resumed on 31 Dec, after 30 days across the month end: due 20 Dec, so 15 days overdue on 4 Jan.
        c.Fire(TriggerArgs.For(Trigger.Resume), D(2026, 12, 31));
        var resumed = TaskDeadline.Of(appoint);
        Assert.Equal((D(2026, 12, 20), false, false), (resumed.Date!.Value, resumed.IsPaused, resumed.IsOnHold));
        Assert.Equal(c.Clock(ClockKind.Appointment).DueDate, resumed.Date);
        Assert.Equal((15, "15 days overdue"), (resumed.DaysOverdue(D(2027, 1, 4)), resumed.Describe(D(2027, 1, 4))));
        foreach (var day in new[] { D(2026, 12, 19), D(2026, 12, 20), D(2026, 12, 21), D(2027, 1, 4) })
        {
            AssertFiltersAgree(appoint, day);
        }
    }

    [Fact]
    public void TaskWithNoDateOfItsOwn_OnAClock_ShowsTheClocksDate()
    {
        // Submitted 15 Mar 2027: the QA outcome is chased 8 weeks on, 10 May; the task had shown "No due date".
        var c = DardrV1EffectsTests.AtSubmitted();
        var qa = c.Open(WorkItemKind.RecordQaOutcome);
        Assert.Null(qa.DueDate);

        Assert.Equal(D(2027, 5, 10), TaskDeadline.Of(qa).Date);
        Assert.Equal("1 day overdue", TaskDeadline.Of(qa).Describe(D(2027, 5, 11)));
        AssertFiltersAgree(qa, D(2027, 5, 11));
    }

    [Fact]
    public void OfficerPausedTask_ReadsPaused_NotOnHold_NotOverdue()
    {
        var task = new WorkItem { Title = "Chase the chronology", DueDate = D(2026, 11, 2) };
        task.Pause(D(2026, 11, 1));

        var due = TaskDeadline.Of(task);

        Assert.Equal((true, false, "paused"), (due.IsPaused, due.IsOnHold, due.Describe(D(2026, 12, 1))));
        AssertFiltersAgree(task, D(2026, 12, 1));
    }

    [Theory]
    // Month ends: 31 Jan to 1 Mar 2027 is 29 days (February 2027 has 28); in a leap year 30.
    [InlineData("2027-01-31", "2027-03-01", 29)]
    [InlineData("2028-01-31", "2028-03-01", 30)]
    // Across Christmas and Boxing Day (bank holidays) and a weekend: calendar days, not the 1 working day.
    [InlineData("2026-12-24", "2026-12-29", 5)]
    [InlineData("2026-11-30", "2026-12-01", 1)]
    public void DaysOverdue_AreCalendarDays_TheSameOnScreenAndInEmail(string dueOn, string today, int days)
    {
        var task = new WorkItem { Title = "Present the case to the CRG", DueDate = DateOnly.Parse(dueOn) };
        var on = DateOnly.Parse(today);

        var due = TaskDeadline.Of(task);

        Assert.Equal(days, due.DaysOverdue(on));
        var words = days == 1 ? "1 day overdue" : $"{days} days overdue";
        Assert.Equal(words, due.Describe(on));
        Assert.Equal(words, ReminderScan.HowLate(due.Date!.Value, on));
    }

    [Fact]
    public void HowLate_BeforeTheDueDate_ReadsAsTheQueuesDo()
    {
        Assert.Equal("due in 7 days", ReminderScan.HowLate(D(2026, 12, 24), D(2026, 12, 17)));
        Assert.Equal("due tomorrow", ReminderScan.HowLate(D(2026, 12, 24), D(2026, 12, 23)));
        Assert.Equal("due today", ReminderScan.HowLate(D(2026, 12, 24), D(2026, 12, 24)));
    }
}
