using Domain.Calendar;
using Domain.Reports;
using Domain.Reviews;
using Domain.Workflow;

namespace Portal.Fast.Tests;

public sealed class BoardTimelinessTests
{
    private static readonly DeadlineSettings Targets = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Measure_DecisionOnTheLastDayOfAShortMonth_TargetClampsToTheMonthEnd()
    {
        // Notified 31 January: the decision is due 28 February (no 31 February), so 28 Feb is on time and 1 Mar late.
        var onTime = Timeliness.Measure(new Milestones(D(2027, 1, 31), D(2027, 2, 28), D(2027, 2, 28), null, null, null, null), [], D(2027, 3, 10), Targets)[0];
        var late = Timeliness.Measure(new Milestones(D(2027, 1, 31), D(2027, 3, 1), D(2027, 3, 1), null, null, null, null), [], D(2027, 3, 10), Targets)[0];
        Assert.Equal((D(2027, 2, 28), true, 28), (onTime.Target!.Value, onTime.Met!.Value, onTime.ElapsedDays!.Value));
        Assert.Equal((D(2027, 2, 28), false), (late.Target!.Value, late.Met!.Value));
    }

    [Fact]
    public void Measure_HoldWithinTheStep_ShownSeparatelyAndAddedToTheTarget()
    {
        // Decided 31 Aug; six months would be 28 Feb; 30 days on hold across the month end move it to 30 Mar.
        var holds = new[] { new HoldSpell(D(2026, 10, 20), D(2026, 11, 19)) };
        var steps = Timeliness.Measure(new Milestones(D(2026, 8, 1), D(2026, 8, 31), D(2026, 8, 31), D(2026, 9, 15), null, D(2027, 3, 30), null), holds, D(2027, 4, 1), Targets);
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
        var step = Timeliness.Measure(new Milestones(D(2027, 1, 1), D(2027, 1, 10), D(2027, 1, 10), null, null, null, null), holds, D(2027, 2, 28), Targets)[1];
        Assert.Equal(28, step.HeldDays);
        Assert.Equal(49, step.ElapsedDays);
        Assert.True(step.InProgress);
        Assert.Null(step.Met); // target 10 Feb + 28 days = 10 Mar: not yet late
        Assert.Equal(D(2027, 3, 10), step.Target);
    }

    [Fact]
    public void Measure_MilestoneAfterTheReportDate_IsNotYetReached_AndOverdueWhenPastTarget()
    {
        var steps = Timeliness.Measure(new Milestones(D(2027, 1, 1), D(2027, 3, 1), D(2027, 3, 1), null, null, null, null), [], D(2027, 2, 15), Targets);
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
        var onTheDay = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 1), D(2026, 11, 1), null, null, null, null), [], D(2026, 12, 1), Targets)[0];
        var dayAfter = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 2), D(2026, 11, 2), null, null, null, null), [], D(2026, 12, 1), Targets)[0];

        Assert.Equal((D(2026, 11, 1), true, 31), (onTheDay.Target!.Value, onTheDay.Met!.Value, onTheDay.ElapsedDays!.Value));
        Assert.False(dayAfter.Met);
    }

    [Fact]
    public void Measure_NotDecidedOnTheTargetDay_IsNotYetLate_TheDayAfterItIs()
    {
        var onTheDay = Timeliness.Measure(new Milestones(D(2026, 10, 1), null, null, null, null, null, null), [], D(2026, 11, 1), Targets)[0];
        var dayAfter = Timeliness.Measure(new Milestones(D(2026, 10, 1), null, null, null, null, null, null), [], D(2026, 11, 2), Targets)[0];

        Assert.Null(onTheDay.Met);
        Assert.True(onTheDay.InProgress);
        Assert.False(dayAfter.Met);
        // A decision after the report date has not happened as of that date.
        var later = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 11, 5), D(2026, 11, 5), null, null, null, null), [], D(2026, 11, 4), Targets)[0];
        Assert.Equal((null, 34), (later.End, later.ElapsedDays!.Value));
    }

    private static string Text(TimelinessInterval step) => Workflows.Reports.BoardReportText.Step(step);

    [Fact]
    public void Measure_SignedOffWithNoFirstPanelRecorded_ThatStepStopsAtSignOff_AsNotRecorded()
    {
        var m = new Milestones(D(2026, 1, 5), D(2026, 1, 20), D(2026, 1, 20), D(2026, 2, 10), null, D(2026, 9, 1), null) { Submitted = D(2026, 9, 8) };
        var steps = Timeliness.Measure(m, [], D(2029, 6, 1), Targets);
        var toPanel = steps.Single(s => s.Step == TimelinessStep.AuthorToFirstPanel);
        Assert.True(toPanel.NotRecorded);
        Assert.False(toPanel.InProgress);
        Assert.Null(toPanel.ElapsedDays);
        Assert.Equal("Not recorded", Text(toPanel));
        // Submitted without a QA outcome yet: that step still counts, its end is still to come.
        Assert.Equal("1004 days so far", Text(steps.Single(s => s.Step == TimelinessStep.SignOffToQaOutcome)));
    }

    [Fact]
    public void Measure_BeforeTheLaterMilestone_TheStepStillCounts()
    {
        // Signed off on 1 Sep: as at 31 Aug the first panel step is still open, as at 1 Sep it is not recorded.
        var m = new Milestones(D(2026, 1, 5), D(2026, 1, 20), D(2026, 1, 20), D(2026, 2, 10), null, D(2026, 9, 1), null);
        Assert.Equal("202 days so far", Text(Timeliness.Measure(m, [], D(2026, 8, 31), Targets)[2]));
        Assert.Equal("Not recorded", Text(Timeliness.Measure(m, [], D(2026, 9, 1), Targets)[2]));
    }

    [Fact]
    public void Measure_PassedStepsWhoseDatesAreUnknown_AreNotRecorded_NotReached_OnlyWhenNotPassed()
    {
        // Imported: the decision's date is unknown, the author was appointed on 1 March.
        var m = new Milestones(D(2025, 11, 1), null, null, D(2026, 3, 1), null, null, null);
        var steps = Timeliness.Measure(m, [], D(2026, 4, 1), Targets);
        Assert.Equal(["Not recorded", "Not recorded", "31 days so far", "Not reached", "Not reached"], steps.Select(Text));
        Assert.All(steps.Skip(3), s => Assert.True(s.NotStarted));
    }

    [Fact]
    public void Measure_PublishedWithoutAQaOutcome_QaStepIsNotRecorded()
    {
        var m = new Milestones(D(2025, 1, 1), D(2025, 1, 20), D(2025, 1, 20), D(2025, 2, 1), D(2025, 3, 1), D(2025, 7, 1), null)
        {
            Submitted = D(2025, 7, 10), Finished = D(2026, 1, 15),
        };
        var steps = Timeliness.Measure(m, [], D(2026, 2, 1), Targets);
        Assert.Equal("Not recorded", Text(steps[4]));
        Assert.Equal("162 days, on time", Text(steps[3]));
    }

    [Fact]
    public void Measure_CriteriaNotMet_DecisionMeasured_TheReviewsStepsNotReached()
    {
        var steps = Timeliness.Measure(new Milestones(D(2026, 10, 1), D(2026, 10, 20), null, null, null, null, null), [], D(2027, 3, 1), Targets);
        Assert.Equal(["19 days, on time", "Not reached", "Not reached", "Not reached", "Not reached"], steps.Select(Text));
    }

    private static JournalEntry Step(int id, DateOnly on, Stage to, Trigger trigger) => new()
    {
        Id = id, ReviewId = 1, OccurredOn = on, RecordedAtUtc = London.StartOfDayUtc(on).AddHours(12), Kind = JournalKind.Transition, ToStage = to, Trigger = trigger,
        DefinitionId = "dardr",
    };

    [Fact]
    public void MilestonesFrom_AlternativeReview_TheCrgsDecisionIsTheDecision_AndStartsTheReview()
    {
        JournalEntry[] journal = [Step(1, D(2026, 12, 10), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet)];
        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2026, 12, 1), D(2026, 12, 8), alternativeReview: true, journal, null);
        Assert.Equal((D(2026, 12, 8), D(2026, 12, 8)), (m.Decided, m.ReviewStarted));
        var plain = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2026, 12, 1), D(2026, 12, 8), alternativeReview: false, journal, null);
        Assert.Equal((D(2026, 12, 8), null), (plain.Decided, plain.ReviewStarted));
    }

    [Fact]
    public void MilestonesFrom_HomeOfficeDirection_KeepsTheCrgsDecisionDate_AndRestartsTheReviewFromTheDirection()
    {
        JournalEntry[] journal =
        [
            Step(1, D(2026, 12, 10), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            Step(2, D(2027, 1, 28), Stage.Commissioning, Trigger.RecordHomeOfficeDirection),
        ];
        // The review's DecidedOn keeps the CRG's date; the direction's (28 Jan) is its journal entry's.
        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2026, 12, 1), D(2026, 12, 10), alternativeReview: false, journal, null);
        Assert.Equal((D(2026, 12, 10), D(2027, 1, 28)), (m.Decided, m.ReviewStarted));
        var steps = Timeliness.Measure(m, [], D(2027, 3, 1), Targets);
        Assert.Equal("9 days, on time", Text(steps[0]));
        Assert.Equal("32 days so far, overdue", Text(steps[1]));
        Assert.Equal(D(2027, 7, 28), steps[3].Target);
    }

    [Fact]
    public void MilestonesFrom_CriteriaNotMetReversedByTheCrg_TheNewDecisionIsTheDecision_AndStartsTheReview_FromItsDateOn()
    {
        JournalEntry[] journal =
        [
            Step(1, D(2026, 10, 20), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            Step(2, D(2026, 11, 30), Stage.Closed, Trigger.CloseWithoutReview),
            Step(3, D(2027, 3, 3), Stage.DecisionNotified, Trigger.ReverseCriteriaNotMet),
        ];

        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2026, 10, 1), D(2027, 3, 3), alternativeReview: false, journal, null);
        Assert.Equal((D(2027, 3, 3), D(2027, 3, 3)), (m.Decided, m.ReviewStarted));
        var steps = Timeliness.Measure(m, [], D(2027, 3, 10), Targets);
        Assert.Equal(["153 days, late", "7 days so far"], steps.Take(2).Select(Text));
        Assert.Equal(BoardReviewKind.Full, BoardColumns.KindOf(BoardColumns.PositionOn(journal, D(2027, 3, 10))!, alternativeReview: false));

        // As at a date before the reversal (the report's caller leaves out a DecidedOn after it): "criteria not met" stands.
        var before = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2026, 10, 1), null, alternativeReview: false, journal[..2], null);
        Assert.Equal((D(2026, 10, 20), null), (before.Decided, before.ReviewStarted));
        Assert.Equal(BoardReviewKind.CriteriaNotMet, BoardColumns.KindOf(BoardColumns.PositionOn(journal, D(2027, 3, 2))!, alternativeReview: false));
    }

    [Fact]
    public void MilestonesFrom_StepsImportedWithoutTheirDay_GiveNoDay_TheStepsTheyEndAreNotRecordedOnceKnownToHaveHappened()
    {
        // Imported: decided 10 Jan, appointed and submitted on days the tracker did not have (known by the sign-off, 1 Aug,
        // and by the import, 1 Dec); presented in January (a month alone).
        JournalEntry[] journal =
        [
            Step(1, D(2025, 1, 10), Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            Step(2, D(2025, 1, 10), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            Step(3, D(2025, 8, 1), Stage.PanelAndReport, Trigger.AppointAuthor),
            Step(4, D(2025, 8, 1), Stage.CrgSignOff, Trigger.RecordSignedOff),
            Step(5, D(2025, 12, 1), Stage.Submitted, Trigger.SubmitToHomeOffice),
        ];
        journal[0].Precision = DatePrecision.Month;
        journal[2].Precision = DatePrecision.NotRecorded;
        journal[4].Precision = DatePrecision.NotRecorded;

        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), D(2025, 1, 10), alternativeReview: false, journal, null);
        Assert.Equal((null, null, D(2025, 8, 1)), (m.AuthorAppointed, m.Submitted, m.SignedOff));
        // As at 31 Jul the appointment is not known to have happened: that step counts on; from 1 Aug it is not recorded.
        Assert.Equal("202 days so far, overdue", Text(Timeliness.Measure(m, [], D(2025, 7, 31), Targets)[1]));
        var steps = Timeliness.Measure(m, [], D(2025, 12, 1), Targets);
        Assert.Equal(["8 days, on time", "Not recorded", "Not recorded", "203 days, late"], steps.Take(4).Select(Text));
        // The board counts the report as sent, without a day of its first submission.
        var position = BoardColumns.PositionOn(journal, D(2025, 12, 1))!;
        Assert.Equal((true, (DateOnly?)null), (position.SentToHomeOffice, position.SentOn));
    }

    [Fact]
    public void MilestonesFrom_ADecisionImportedWithoutItsDay_GivesNoDay_ItsStepsAreNotRecordedOnceKnownToHaveHappened_NeverCountedFromThatDay()
    {
        // Imported: the CRG's decision (criteria met) has no day in the tracker; known to have happened by the appointment,
        // 1 Aug, where the import placed it. The review's DecidedOn stays empty.
        JournalEntry[] journal =
        [
            Step(1, D(2025, 1, 10), Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            Step(2, D(2025, 8, 1), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            Step(3, D(2025, 8, 1), Stage.PanelAndReport, Trigger.AppointAuthor),
        ];
        journal[1].Precision = DatePrecision.NotRecorded;

        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false, journal, null);
        Assert.Equal((null, null, D(2025, 8, 1), D(2025, 8, 1), D(2025, 8, 1)), (m.Decided, m.ReviewStarted, m.DecidedBy, m.StartedBy, m.AuthorAppointed));
        // Before 1 Aug the decision is not known to have happened: the decision step counts on, the later ones not reached.
        Assert.Equal(["200 days so far, overdue", "Not reached", "Not reached", "Not reached"], Timeliness.Measure(m, [], D(2025, 7, 21), Targets).Take(4).Select(Text));
        // From 1 Aug every step from the decision is "not recorded", the one still running (to sign-off) included: none counts from 1 Aug.
        var steps = Timeliness.Measure(m, [], D(2025, 10, 1), Targets);
        Assert.Equal(["Not recorded", "Not recorded", "61 days so far", "Not recorded", "Not reached"], steps.Select(Text));
        Assert.Equal(D(2025, 8, 1), steps[3].PassedBy);

        // A decision not to review, imported without its day, starts nothing.
        JournalEntry[] notMet = [Step(1, D(2025, 8, 1), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet)];
        notMet[0].Precision = DatePrecision.NotRecorded;
        var n = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false, notMet, null);
        Assert.Equal(((DateOnly?)D(2025, 8, 1), (DateOnly?)null), (n.DecidedBy, n.StartedBy));
        Assert.Equal(["Not recorded", "Not reached"], Timeliness.Measure(n, [], D(2025, 10, 1), Targets).Take(2).Select(Text));
    }

    [Fact]
    public void MilestonesFrom_StoppedReview_EndsEveryStepStillOpen_OnTheDayItStopped()
    {
        JournalEntry[] journal =
        [
            Step(1, D(2025, 1, 10), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            Step(2, D(2025, 4, 1), Stage.Closed, Trigger.StopReview),
        ];
        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false, journal, null);
        Assert.Equal(D(2025, 4, 1), m.Finished);
        Assert.DoesNotContain(Timeliness.Measure(m, [], D(2026, 6, 1), Targets), s => Text(s).Contains("so far", StringComparison.Ordinal));
    }

    [Fact]
    public void MilestonesFrom_StoppedThenReopened_RunsOn_UntilItStopsAgain()
    {
        JournalEntry[] journal =
        [
            Step(1, D(2025, 1, 10), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            Step(2, D(2025, 4, 1), Stage.Closed, Trigger.StopReview),
            Step(3, D(2025, 5, 1), Stage.Commissioning, Trigger.ReopenReview),
        ];
        var reopened = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false, journal, null);
        Assert.Null(reopened.Finished);

        var stoppedAgain = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false,
            [.. journal, Step(4, D(2025, 9, 1), Stage.Closed, Trigger.StopReview)], null);
        Assert.Equal(D(2025, 9, 1), stoppedAgain.Finished);
    }

    [Fact]
    public void MilestonesFrom_ClosedOrPublished_EndsEveryStepStillOpen()
    {
        JournalEntry[] journal =
        [
            Step(1, D(2025, 1, 10), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            Step(2, D(2025, 2, 10), Stage.PanelAndReport, Trigger.AppointAuthor),
            Step(3, D(2025, 9, 1), Stage.CrgSignOff, Trigger.RecordSignedOff),
            Step(4, D(2025, 9, 20), Stage.Submitted, Trigger.SubmitToHomeOffice),
            Step(5, D(2026, 3, 1), Stage.ActionPlanMonitoring, Trigger.RecordPublished),
        ];
        var m = Workflows.Reports.BoardReportQuery.MilestonesFrom(D(2025, 1, 2), null, alternativeReview: false, journal, null);
        Assert.Equal((D(2025, 9, 20), D(2026, 3, 1)), (m.Submitted, m.Finished));
        Assert.Equal(["8 days, on time", "31 days, on time", "Not recorded", "234 days, late", "Not recorded"],
            Timeliness.Measure(m, [], D(2026, 6, 1), Targets).Select(Text));
    }
}
