using Domain;
using Domain.ActionPlans;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.Extensions.Time.Testing;
using Workflows.Reminders;
using Workflows.Time;

namespace Portal.Fast.Tests;

/// Re-planning an action (issue 18): the rules of the form, the history it keeps, and the owner's task following the new
/// due date so that the overdue mark goes and the reminder ladder starts again from the new date, with the business
/// clock moved by hand across a month end and the Christmas and New Year bank holidays.
public class ActionReplanningTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.EnglandAndWales();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static PlanAction Action(DateOnly due, ActionStatus status = ActionStatus.OnTrack) => new()
    {
        Id = 7, What = "Train response officers.", OwnerAgencyId = 1, OwnerUserId = "pat", DueDate = due, SuccessMeasure = "All trained.",
        Status = status, CreatedByUserId = "officer", Version = 3,
        WorkItem = new WorkItem
        {
            Title = "Action R1.1 of the action plan", Kind = WorkItemKind.DeliverAction, AgencyId = 1, CandidateUserId = "pat", DueDate = due,
            Status = WorkItemStatus.Open, AssigneeUserId = "pat", Version = 1,
        },
    };

    private static ActionReplan Same(PlanAction a, string? reason = "Because.") => new(a.What, a.OwnerAgencyId, a.OwnerUserId, a.DueDate, reason, D(2026, 12, 1));

    private static string Owner(int agency, string user) => $"Agency {agency} ({user})";

    [Fact]
    public void Validate_DueDateChangedWithoutAReason_RefusedBesideTheReason()
    {
        var action = Action(D(2026, 11, 30));

        var errors = ActionReplanning.Validate(action, Same(action, reason: "  ") with { DueDate = D(2026, 12, 31) }, D(2026, 12, 3));

        var error = Assert.Single(errors);
        Assert.Equal(nameof(ActionReplan.Reason), error.Field);
        Assert.StartsWith("Say why the due date changes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyWording_NoOwner_PastNewDate_EachBesideItsField()
    {
        var action = Action(D(2026, 11, 30));

        var errors = ActionReplanning.Validate(action, new ActionReplan(" ", null, null, D(2026, 12, 2), "Moved.", D(2026, 12, 1)), D(2026, 12, 3));

        Assert.Equal([nameof(ActionReplan.What), nameof(ActionReplan.OwnerAgencyId), nameof(ActionReplan.OwnerUserId), nameof(ActionReplan.DueDate)],
            errors.Select(e => e.Field));
    }

    /// The form's "Agreed on" box cleared: refused beside it, not taken for today.
    [Fact]
    public void Validate_TheDateAgreedCleared_IsRefusedBesideIt_NotTakenForToday()
    {
        var action = Action(D(2026, 11, 30));

        var error = Assert.Single(ActionReplanning.Validate(action, Same(action) with { DueDate = D(2026, 12, 31), AgreedOn = null }, D(2026, 12, 3)));

        Assert.Equal(new Domain.Error("Enter the date the change was agreed.", nameof(ActionReplan.AgreedOn)), error);
    }

    [Fact]
    public void Validate_AnUnchangedOverdueDate_MayStayWhileTheWordingChanges_ButNothingChangedIsRefused()
    {
        var action = Action(D(2026, 11, 30));

        Assert.Empty(ActionReplanning.Validate(action, Same(action) with { What = "Train every response officer." }, D(2026, 12, 3)));
        Assert.Equal("Nothing has changed: change the wording, the owner or the due date, or cancel.",
            Assert.Single(ActionReplanning.Validate(action, Same(action), D(2026, 12, 3))).Message);
    }

    [Theory]
    [InlineData(ActionStatus.Completed, "waiting for sign-off")]
    [InlineData(ActionStatus.SignedOff, "signed off")]
    public void Validate_AnActionNoLongerOpen_CannotBeReplanned(ActionStatus status, string words)
    {
        var action = Action(D(2026, 11, 30), status);

        Assert.Contains(words, Assert.Single(ActionReplanning.Validate(action, Same(action) with { DueDate = D(2027, 1, 29) }, D(2026, 12, 3))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_KeepsEachChangeOldToNewWithTheReason_AndTheTaskGoesToTheNewOwnerAndDate()
    {
        var action = Action(D(2026, 11, 30));
        var at = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

        var changes = ActionReplanning.Apply(action, new ActionReplan(" Train all officers. ", 2, "kim", D(2026, 12, 31), " Course moved. "), Owner, "officer", at);

        Assert.Equal(
            [
                (ActionChangeField.What, "Train response officers.", "Train all officers."),
                (ActionChangeField.Owner, "Agency 1 (pat)", "Agency 2 (kim)"),
                (ActionChangeField.DueDate, "30 Nov 2026", "31 Dec 2026"),
            ],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(changes, c => Assert.Equal(("Course moved.", "officer", at, 7L), (c.Reason, c.ByUserId, c.AtUtc, c.ActionId)));
        Assert.Equal(("Train all officers.", 2, "kim", D(2026, 12, 31), 4), (action.What, action.OwnerAgencyId, action.OwnerUserId, action.DueDate, action.Version));
        var task = action.WorkItem!;
        Assert.Equal((2, "kim", (string?)null, D(2026, 12, 31)), (task.AgencyId, task.CandidateUserId, task.AssigneeUserId, task.DueDate));
        Assert.True(task.Version > 1);
    }

    [Fact]
    public void Apply_OnlyTheDueDate_TheOwnerKeepsTheTaskTheyHadTaken()
    {
        var action = Action(D(2026, 11, 30));

        var change = Assert.Single(ActionReplanning.Apply(action, Same(action, "Delayed.") with { DueDate = D(2027, 1, 29) }, Owner, "officer", DateTime.UtcNow));

        Assert.Equal(ActionChangeField.DueDate, change.Field);
        Assert.Equal(("pat", D(2027, 1, 29)), (action.WorkItem!.AssigneeUserId, action.WorkItem.DueDate));
    }

    [Fact]
    public void Replan_OverdueAtMonthEnd_MarkGoes_AndTheLadderStartsAgainFromTheNewDate_PastChristmasAndNewYear()
    {
        // Due Monday 30 Nov 2026 (a month end); on Thursday 3 Dec it is overdue and the managers were told on 1 Dec.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock(time);
        var options = new ReminderOptions();
        var action = Action(D(2026, 11, 30));
        Assert.Equal(ActionDisplayStatus.Overdue, ActionStatuses.Current(action.Status, action.DueDate, clock.Today));
        Assert.Equal(D(2026, 12, 1), ReminderLadder.FirstEscalation(action.DueDate, Calendar, options).On);

        ActionReplanning.Apply(action, Same(action, "Course moved.") with { DueDate = D(2026, 12, 31) }, Owner, "officer", clock.UtcNow);

        Assert.Equal(ActionDisplayStatus.OnTrack, ActionStatuses.Current(action.Status, action.DueDate, clock.Today));
        var due = TaskDeadline.Of(action.WorkItem!).Date!.Value;
        Assert.Equal(D(2026, 12, 31), due);
        Assert.False(TaskDeadline.OverdueOn(clock.Today).Compile()(action.WorkItem!));

        // The new ladder, day by day on the business clock: nothing until a week before (24 Dec), one working day before
        // (30 Dec: Christmas, the weekend and the Boxing Day holiday come between), on the day (Thu 31 Dec), and the
        // escalation on the first working day after it: not New Year's Day, not the weekend, Monday 4 Jan 2027.
        var sent = new List<(DateOnly, string)>();
        for (var day = clock.Today; day <= D(2027, 1, 5); day = day.AddDays(1))
        {
            time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            var ladder = ReminderLadder.For(due, Calendar, options);
            sent.AddRange(ReminderLadder.DueBy(ladder, due, clock.Today).Select(o => (o.On, o.Step)).Where(o => !sent.Contains(o)));
        }

        Assert.Equal([(D(2026, 12, 24), "due-7d"), (D(2026, 12, 30), "due-1wd"), (D(2026, 12, 31), "due-day"), (D(2027, 1, 4), "overdue-1wd")], sent);
        Assert.Equal(ActionDisplayStatus.Overdue, ActionStatuses.Current(action.Status, action.DueDate, D(2027, 1, 1)));
    }
}
