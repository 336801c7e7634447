using Domain.Calendar;
using Domain.Commissioner;
using Domain.Workflow;
using Microsoft.Extensions.Time.Testing;
using Workflows.Commissioner;
using Workflows.Reminders;
using Workflows.Time;
using Workflows.WorkItems;

namespace Portal.Fast.Tests;

/// A task that belongs to no review (the response to a Commissioner's recommendation): due 56 calendar days after the
/// recommendation was made, on the same reminder ladder as every task (working days: weekends and bank holidays skipped),
/// named and linked by itself, never by a review.
public class ReviewlessTaskTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.EnglandAndWales();

    private static WorkItem TaskFor(DateOnly madeOn, BusinessClock clock) =>
        CommissionerTask.Open(new CommissionerRecommendation { Id = 12, OfficeId = 3, Report = "r", Text = "t", MadeOn = madeOn, CreatedByUserId = "u" }, clock.UtcNow);

    [Fact]
    public void MadeOnAMonthEnd_DueOnEasterSunday_TheLadderSkipsGoodFridayAndEasterMonday()
    {
        // 23:30 UTC on 31 Jan 2027 is still 31 Jan in London (winter): the day the officer records it as made.
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2027, 1, 31, 23, 30, 0, TimeSpan.Zero)));
        var task = TaskFor(clock.Today, clock);

        Assert.Null(task.ReviewId);
        Assert.Equal(new DateOnly(2027, 3, 28), task.DueDate); // 56 days on: over the end of February, onto a Sunday
        Assert.Equal(new DateOnly(2027, 3, 28), TaskDeadline.Of(task).Date);
        var ladder = ReminderLadder.For(task.DueDate!.Value, Calendar, new ReminderOptions());
        Assert.Equal(
            [("due-7d", new DateOnly(2027, 3, 22)), ("due-1wd", new DateOnly(2027, 3, 25)), ("overdue-1wd", new DateOnly(2027, 3, 30))],
            ladder.Select(o => (o.Step, o.On)));
    }

    [Fact]
    public void DueOnABoxingDaySaturday_RungsReachedDayByDay_WithTheClockMoved()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock(time);
        var task = TaskFor(clock.Today, clock);
        var due = task.DueDate!.Value;
        Assert.Equal(new DateOnly(2026, 12, 26), due);
        var ladder = ReminderLadder.For(due, Calendar, new ReminderOptions());

        string Reached()
        {
            return string.Join(",", ReminderLadder.DueBy(ladder, due, clock.Today).Select(o => o.Step));
        }

        time.SetUtcNow(new DateTimeOffset(2026, 12, 19, 10, 0, 0, TimeSpan.Zero)); // Saturday, 7 days before: waits for Monday
        Assert.Equal(string.Empty, Reached());
        time.SetUtcNow(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("due-7d", Reached());
        time.SetUtcNow(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("due-1wd", Reached());
        // 28 Dec is the Boxing Day substitute: the managers hear on Tuesday 29 Dec.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 28, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(string.Empty, Reached());
        Assert.True(TaskDeadline.Of(task).IsOverdueOn(clock.Today));
        time.SetUtcNow(new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("overdue-1wd", Reached());
    }

    [Fact]
    public void TheTask_IsTheOfficesReviewOfficers_NamesOnlyTheReference_AndCannotBeCompletedFromTheQueue()
    {
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero)));
        var task = TaskFor(clock.Today, clock);

        Assert.Equal(WorkItemKind.RespondToCommissioner, task.Kind);
        Assert.Equal(3, task.OfficeId);
        Assert.Equal(Domain.Access.Role.ReviewOfficer, task.CandidateRole);
        Assert.Null(task.AssigneeUserId);
        Assert.Equal("Record the response to recommendation DAC-12", task.Title);
        Assert.True(WorkItem.ClosesOnItsPage(task.Kind));
        Assert.Equal(("DAC-12", "Commissioner's recommendation"), TaskPages.Own(task, 12));
    }

    [Theory]
    [InlineData(WorkItemKind.RespondToCommissioner, 12L, true, "commissioner?respond=12")]
    [InlineData(WorkItemKind.RespondToCommissioner, null, true, "commissioner")]
    [InlineData(WorkItemKind.DeliverAction, 55L, false, "actions/55")]
    [InlineData(WorkItemKind.DeliverAction, null, false, "actions/ours")]
    [InlineData(WorkItemKind.PresentToCrg, null, true, "work/mine")]
    public void ATaskOfNoReview_LinksToItsOwnPage_NeverAReview(WorkItemKind kind, long? subject, bool toStaff, string expected)
    {
        var link = TaskPages.For(kind, null, null, subject, toStaff);
        Assert.Equal(expected, link);
        Assert.DoesNotContain("reviews/", link, StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskOfNoReview_WithoutAnOwnReference_GoesByItsNumber() =>
        Assert.Equal(("Task 40", TaskPages.NoReview), TaskPages.Own(new WorkItem { Id = 40, Title = "t", Kind = WorkItemKind.DeliverAction }, null));
}
