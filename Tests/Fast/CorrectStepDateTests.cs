using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// Correcting the date of a review's latest step (DardrV1.CorrectDate, CaseChanges' corrections, TriggerArgs.OrderProblem):
/// what the date fed moves with it, as if the step had been recorded with the right date. Fixed dates stand for the
/// business clock: nothing reads the wall clock.
public class CorrectStepDateTests
{
    private static readonly DardrV1 Definition = new();

    private static DateTime NoonOf(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);

    private static void Correct(DardrV1EffectsTests.Case c, JournalEntry step, DateOnly to, DateOnly today)
    {
        c.Changes.MoveTo(NoonOf(today));
        Definition.CorrectDate(c.Changes, step.Trigger!.Value, step.OccurredOn, to, step.RecordedAtUtc);
    }

    private static DardrV1EffectsTests.Case Presented()
    {
        var c = new DardrV1EffectsTests.Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        return c;
    }

    [Fact]
    public void ADecisionRedated_MovesTheDecision_TheClockItMet_AndTheClocksAndTasksItStarted_AcrossTheChristmasBankHolidays()
    {
        var c = Presented();
        var decided = c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 12, 22));
        // Five working days from Tuesday 22 December skip Christmas Day and the Boxing Day substitute (Monday 28th).
        Assert.Equal(new DateOnly(2026, 12, 31), c.Clock(ClockKind.HomeOfficeNotification).DueDate);

        Correct(c, decided, new DateOnly(2026, 12, 18), today: new DateOnly(2026, 12, 23));

        Assert.Equal((DateOnly?)new DateOnly(2026, 12, 18), c.Review.DecidedOn);
        Assert.Equal((DateOnly?)new DateOnly(2026, 12, 18), c.Clock(ClockKind.Decision).CompletedOn);
        var notify = c.Clock(ClockKind.HomeOfficeNotification);
        Assert.Equal((new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 29)), (notify.StartDate, notify.DueDate));
        Assert.Equal((DateOnly?)notify.DueDate, c.Open(WorkItemKind.NotifyHomeOffice).DueDate);
        Assert.Equal(London.StartOfDayUtc(new DateOnly(2026, 12, 30)), c.TimerOf(notify).DueAtUtc);
        Assert.Equal((new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 18)), (c.Clock(ClockKind.Appointment).StartDate, c.Clock(ClockKind.Appointment).DueDate));
        Assert.Equal((new DateOnly(2026, 12, 18), new DateOnly(2027, 6, 18)), (c.Clock(ClockKind.Completion).StartDate, c.Clock(ClockKind.Completion).DueDate));
        // One pending timer a running clock: the old dates' timers are cancelled.
        Assert.Equal(3, c.Pending.Count(t => t.Kind == TimerKind.ClockDue));
        Assert.Contains("Review completion due moved from 22 Jun 2027 to 18 Jun 2027.", c.Changes.Notes);
    }

    [Fact]
    public void ADecisionMovedToAMonthEnd_GivesMonthEndDueDates()
    {
        var c = Presented();
        var decided = c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 11, 30));

        Correct(c, decided, new DateOnly(2026, 10, 31), today: new DateOnly(2026, 12, 1));

        // 31 October + 1 month is 30 November; + 6 months is 30 April (neither month has a 31st).
        Assert.Equal(new DateOnly(2026, 11, 30), c.Clock(ClockKind.Appointment).DueDate);
        Assert.Equal(new DateOnly(2027, 4, 30), c.Clock(ClockKind.Completion).DueDate);
        // Due dates already passed on the day of the correction: the new timer is due in the past, so the next sweep marks it.
        Assert.True(c.TimerOf(c.Clock(ClockKind.Appointment)).DueAtUtc < NoonOf(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void AHoldStartRedated_PausesFromTheNewDate_AndAResumeRedated_MovesTheDueDatesByTheDifference()
    {
        var c = DardrV1EffectsTests.AtPanelAndReport();
        var completion = c.Clock(ClockKind.Completion);
        var dueBefore = completion.DueDate;
        var hold = c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 2, 1) }, new DateOnly(2026, 12, 1));

        Correct(c, hold, new DateOnly(2026, 11, 27), today: new DateOnly(2026, 12, 2));
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 27), c.Review.HeldSince);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 27), completion.PausedSince);

        // Held across the month and year end: 27 November to 15 January is 49 days.
        var resumed = c.Fire(new ResumeArgs(), new DateOnly(2027, 1, 15));
        Assert.Equal(dueBefore.AddDays(49), completion.DueDate);

        Correct(c, resumed, new DateOnly(2027, 1, 11), today: new DateOnly(2027, 1, 16));

        Assert.Equal(dueBefore.AddDays(45), completion.DueDate);
        Assert.Equal(45, completion.PausedDays);
        Assert.Equal((DateOnly?)completion.DueDate, c.Open(WorkItemKind.CompleteReview).DueDate);
        Assert.Equal(London.StartOfDayUtc(completion.DueDate.AddDays(1)), c.TimerOf(completion).DueAtUtc);
    }

    [Fact]
    public void ASubmissionRedated_RestartsTheQaChaseWithItsFollowUp_AndAQaOutcomeRedated_MeetsItOnTheNewDate()
    {
        var c = DardrV1EffectsTests.AtSubmitted();
        var submitted = c.Changes.JournalEntries[^1];
        Assert.Equal(Trigger.SubmitToHomeOffice, submitted.Trigger);

        Correct(c, submitted, new DateOnly(2027, 3, 12), today: new DateOnly(2027, 3, 16));

        var chase = c.Clock(ClockKind.QaChase);
        Assert.Equal((DateOnly?)new DateOnly(2027, 3, 12), c.Review.SubmittedOn);
        Assert.Equal((new DateOnly(2027, 3, 12), new DateOnly(2027, 5, 7)), (chase.StartDate, chase.DueDate));
        Assert.Equal((DateOnly?)chase.DueDate, c.Open(WorkItemKind.RecordQaOutcome).FollowUpDate);

        var outcome = c.Fire(new RecordQaApprovedArgs(), new DateOnly(2027, 5, 20));
        Correct(c, outcome, new DateOnly(2027, 5, 6), today: new DateOnly(2027, 5, 21));
        Assert.Equal((DateOnly?)new DateOnly(2027, 5, 6), chase.CompletedOn);
    }

    [Fact]
    public void AReopeningCannotBeRedated_OtherStepsCan()
    {
        Assert.NotNull(Definition.CannotCorrectDate(Trigger.ReopenReview));
        Assert.All(Enum.GetValues<Trigger>().Where(t => t != Trigger.ReopenReview), t => Assert.Null(Definition.CannotCorrectDate(t)));
        Assert.Equal(new HashSet<Domain.Access.Role> { Domain.Access.Role.ReviewOfficer, Domain.Access.Role.Manager }, Definition.WhoMayCorrectDates);
    }

    [Fact]
    public void TheCorrectedDate_KeepsTheOrderOfSteps()
    {
        var review = DardrV1Tests.ReviewAt(Stage.DecisionNotified, r => r.DateNotified = new DateOnly(2026, 10, 1));
        var check = new TriggerCheck(review, new DateOnly(2026, 12, 1), Previous: new PreviousStep(new DateOnly(2026, 10, 30), Trigger.PresentToCrg));

        Assert.Equal("The date cannot be in the future.", TriggerArgs.OrderProblem(check, new DateOnly(2026, 12, 2)));
        Assert.Equal("The date cannot be before the step before it (Present to the CRG, 30 Oct 2026): check it.",
            TriggerArgs.OrderProblem(check, new DateOnly(2026, 10, 29)));
        Assert.Equal("The date cannot be before the death was notified: check it.",
            TriggerArgs.OrderProblem(check with { Previous = null }, new DateOnly(2026, 9, 30)));
        Assert.Null(TriggerArgs.OrderProblem(check, new DateOnly(2026, 10, 30)));
        Assert.Null(TriggerArgs.OrderProblem(check, new DateOnly(2026, 12, 1)));
    }
}
