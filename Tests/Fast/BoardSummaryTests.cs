using Domain.Calendar;
using Domain.Reports;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Reports;

namespace Portal.Fast.Tests;

/// The board's summary figures, from journals replayed as the report replays them (PositionOn, MilestonesFrom, Measure),
/// each figure worked out by hand in the comments.
public sealed class BoardSummaryTests
{
    private static readonly DeadlineSettings Targets = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// A review's history: (date, stage it moved to, trigger); the first entry starts it.
    private sealed record History(DateOnly Notified, DateOnly? Death, bool Alternative, DateOnly? DecidedOn, params (DateOnly On, Stage To, Trigger? Trigger)[] Steps);

    private static SummaryCase Case(History h, DateOnly asOf)
    {
        var journal = h.Steps.Prepend((h.Notified, Stage.NotificationReceived, null))
            .Select((s, i) => new JournalEntry
            {
                Id = i + 1, ReviewId = 1, OccurredOn = s.On, RecordedAtUtc = London.StartOfDayUtc(s.On), DefinitionId = "dardr",
                Kind = s.Trigger is null ? JournalKind.Started : JournalKind.Transition, ToStage = s.To, Trigger = s.Trigger,
            })
            .Where(e => e.OccurredOn <= asOf).ToList();
        var position = BoardColumns.PositionOn(journal, asOf)!;
        var decided = h.DecidedOn <= asOf ? h.DecidedOn : null;
        var milestones = BoardReportQuery.MilestonesFrom(h.Notified, decided, h.Alternative, journal, null);
        var steps = Timeliness.Measure(milestones, BoardReportQuery.HoldsFrom(journal), asOf, Targets);
        return new SummaryCase(h.Notified, h.Death, position, BoardColumns.KindOf(position, h.Alternative), steps);
    }

    private static BoardSummary Compute(IEnumerable<History> cases, DateOnly asOf) =>
        BoardSummaries.Compute(cases.Where(h => h.Notified <= asOf).Select(h => Case(h, asOf)), asOf);

    private static string Cell(BoardSummary summary, int startYear, TimelinessStep step) =>
        BoardReportText.Year(summary.Years.Single(y => y.StartYear == startYear).Steps[step]);

    [Fact]
    public void Median_OddCount_TheMiddle_EvenCount_TheMeanOfTheTwoMiddle_NoneNull()
    {
        Assert.Equal(3m, BoardSummaries.Median([5, 1, 3]));
        Assert.Equal(2.5m, BoardSummaries.Median([10, 1, 3, 2]));
        Assert.Null(BoardSummaries.Median([]));
    }

    [Fact]
    public void FinancialYearOf_31MarchIsTheYearBefore_1AprilStartsTheNext()
    {
        Assert.Equal(2025, BoardSummaries.FinancialYearOf(D(2026, 3, 31)));
        Assert.Equal(2026, BoardSummaries.FinancialYearOf(D(2026, 4, 1)));
        Assert.Equal(2026, BoardSummaries.FinancialYearOf(D(2027, 1, 1)));
    }

    [Fact]
    public void MonthsBetween_CountsCalendarMonthsFromTheMonthOfTheDeath()
    {
        Assert.Equal(12, BoardSummaries.MonthsBetween(D(2024, 6, 1), D(2025, 6, 30)));
        Assert.Equal(1, BoardSummaries.MonthsBetween(D(2024, 12, 1), D(2025, 1, 1)));
        Assert.Equal(0, BoardSummaries.MonthsBetween(D(2025, 3, 1), D(2025, 3, 31)));
    }

    [Fact]
    public void Compute_DecisionsOn31MarchAnd1April_CountInTheirOwnFinancialYears_OneOnItsDueDateIsOnTime()
    {
        var met = (Stage.DecisionNotified, (Trigger?)Trigger.RecordCriteriaMet);
        History[] cases =
        [
            // Notified 1 Mar, due 1 Apr: decided 31 Mar after 30 days (2025-26), on time.
            new(D(2026, 3, 1), null, false, D(2026, 3, 31), (D(2026, 3, 31), met.Item1, met.Item2)),
            // Decided on the due date itself, 1 Apr, after 31 days (2026-27): on time.
            new(D(2026, 3, 1), null, false, D(2026, 4, 1), (D(2026, 4, 1), met.Item1, met.Item2)),
            // Notified 2 Mar, due 2 Apr, decided 3 Apr after 32 days: late.
            new(D(2026, 3, 2), null, false, D(2026, 4, 3), (D(2026, 4, 3), met.Item1, met.Item2)),
        ];

        var summary = Compute(cases, D(2026, 4, 30));

        Assert.Equal([2026, 2025], summary.Years.Select(y => y.StartYear));
        Assert.Equal("1 of 1 on time (100%), median 30 days", Cell(summary, 2025, TimelinessStep.NotificationToDecision));
        // 31 and 32 days: the median is their mean.
        Assert.Equal("1 of 2 on time (50%), median 31.5 days", Cell(summary, 2026, TimelinessStep.NotificationToDecision));
        // The appointment steps are still running on 30 April (the first is due that very day): not counted yet.
        Assert.Equal(BoardReportText.NoCase, Cell(summary, 2026, TimelinessStep.DecisionToAuthor));
        Assert.Equal(new SummaryCounts(Notified: 3, AwaitingDecision: 0, CriteriaNotMet: 0, Full: 3, Alternative: 0, Completed: 0, Published: 0,
            Ongoing: 3, OnHold: 0, Stopped: 0), summary.Counts);

        // As at 31 March only the first was decided; the year 2026-27 has not begun.
        var before = Compute(cases, D(2026, 3, 31));
        Assert.Equal([2025], before.Years.Select(y => y.StartYear));
        Assert.Equal("1 of 1 on time (100%), median 30 days", Cell(before, 2025, TimelinessStep.NotificationToDecision));
        Assert.Equal((1, 2), (before.Counts.Full, before.Counts.AwaitingDecision));
    }

    [Fact]
    public void Compute_HoldAcrossAMonthEnd_ItsDaysLeftOutOfTheMedian_AndAddedToTheTarget()
    {
        // Notified 20 Jan 2027, due 20 Feb; on hold 25 Jan to 5 Feb (11 days) moves it to 3 Mar. Decided 1 Mar:
        // 40 days, 29 without the hold, on time, in 2026-27.
        History held = new(D(2027, 1, 20), null, false, D(2027, 3, 1),
            (D(2027, 1, 25), Stage.OnHold, Trigger.PutOnHold),
            (D(2027, 2, 5), Stage.NotificationReceived, Trigger.Resume),
            (D(2027, 3, 1), Stage.DecisionNotified, Trigger.RecordCriteriaMet));

        Assert.Equal(1, Compute([held], D(2027, 1, 31)).Counts.OnHold);
        var summary = Compute([held], D(2027, 3, 1));
        Assert.Equal(0, summary.Counts.OnHold);
        Assert.Equal("1 of 1 on time (100%), median 29 days", Cell(summary, 2026, TimelinessStep.NotificationToDecision));
    }

    /// Every kind of case at once, as at two dates.
    private static readonly History[] Mixed =
    [
        // P, a full review: died June 2024, notified 1 Aug, decided 20 Aug 2024 (19 days), author 1 Oct (42 days: late),
        // signed off 1 Jun 2025 with no panel meeting recorded (285 days: late), submitted 10 Jun 2025 (12 months after
        // the death), QA approved 1 Sep 2025 (92 days after sign-off), published 1 Oct 2025.
        new(D(2024, 8, 1), D(2024, 6, 1), false, D(2024, 8, 20),
            (D(2024, 8, 20), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            (D(2024, 8, 22), Stage.Commissioning, Trigger.RecordHomeOfficeAcknowledged),
            (D(2024, 10, 1), Stage.PanelAndReport, Trigger.AppointAuthor),
            (D(2025, 5, 20), Stage.CrgSignOff, Trigger.SubmitForSignOff),
            (D(2025, 6, 1), Stage.CrgSignOff, Trigger.RecordSignedOff),
            (D(2025, 6, 10), Stage.Submitted, Trigger.SubmitToHomeOffice),
            (D(2025, 9, 1), Stage.Publication, Trigger.RecordQaApproved),
            (D(2025, 10, 1), Stage.ActionPlanMonitoring, Trigger.RecordPublished)),
        // Q, an alternative review: notified 3 Feb 2025, learning review agreed 17 Feb (14 days), on hold from 1 Mar 2025.
        new(D(2025, 2, 3), D(2025, 1, 1), true, D(2025, 2, 17),
            (D(2025, 2, 17), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            (D(2025, 3, 1), Stage.OnHold, Trigger.PutOnHold)),
        // S, stopped: notified 1 Sep 2024, decided 20 Sep (19 days), stopped 1 Dec 2024 before an author was appointed.
        new(D(2024, 9, 1), D(2024, 8, 1), false, D(2024, 9, 20),
            (D(2024, 9, 20), Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            (D(2024, 12, 1), Stage.Closed, Trigger.StopReview)),
        // N, criteria not met: notified 1 Oct 2024, decided 15 Oct (14 days), closed 1 Nov 2024.
        new(D(2024, 10, 1), null, false, D(2024, 10, 15),
            (D(2024, 10, 15), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            (D(2024, 11, 1), Stage.Closed, Trigger.CloseWithoutReview)),
        // W, notified 1 Mar 2025 and not yet decided (overdue, still running: not counted in any year).
        new(D(2025, 3, 1), null, false, null),
        // R, criteria not met in 2022-23: notified 1 Jun 2022, decided on its due date, 1 Jul (30 days).
        new(D(2022, 6, 1), null, false, D(2022, 7, 1),
            (D(2022, 7, 1), Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            (D(2022, 8, 1), Stage.Closed, Trigger.CloseWithoutReview)),
        // Before the duty began: never counted.
        new(D(2011, 4, 12), null, false, null),
    ];

    [Fact]
    public void Compute_MixedCases_CountsEachKind_AndTheYearsFigures_AsAt31October2025()
    {
        var summary = Compute(Mixed, D(2025, 10, 31));

        Assert.Equal(new SummaryCounts(Notified: 6, AwaitingDecision: 1, CriteriaNotMet: 2, Full: 2, Alternative: 1, Completed: 1, Published: 1,
            Ongoing: 1, OnHold: 1, Stopped: 1), summary.Counts);
        // From R's year to the report's; 2023-24 had no case and says so.
        Assert.Equal([2025, 2024, 2023, 2022], summary.Years.Select(y => y.StartYear));
        string[] NoCases(int n) => Enumerable.Repeat(BoardReportText.NoCase, n).ToArray();
        var years = BoardReportText.SummaryYears(new BoardReport(new BoardScope(1, "CSP", false), D(2025, 10, 31), [], [], [], summary));
        Assert.Equal(["2025-26 (Apr 2025 to Mar 2026)", .. NoCases(3), "0 of 1 on time (0%), median 285 days", "1 case, median 92 days", "1 case, median 12 months"], years.Rows[0]);
        // P, S, N and Q decided: 19, 19, 14 and 14 days, all on time.
        Assert.Equal(["2024-25 (Apr 2024 to Mar 2025)", "4 of 4 on time (100%), median 16.5 days", "0 of 1 on time (0%), median 42 days", .. NoCases(4)], years.Rows[1]);
        Assert.Equal(["2023-24 (Apr 2023 to Mar 2024)", .. NoCases(6)], years.Rows[2]);
        Assert.Equal(["2022-23 (Apr 2022 to Mar 2023)", "1 of 1 on time (100%), median 30 days", .. NoCases(5)], years.Rows[3]);
        // P's first panel was passed unrecorded; S's open steps ended with it and are not counted as not recorded.
        Assert.Equal(["Not recorded (left out)", "0", "0", "1", "0", "0", "0"], years.Footer);
        Assert.Equal(
        [
            ["Reviews notified", "6"], ["Awaiting a decision", "1"], ["Criteria not met (no review)", "2"], ["Full reviews", "2"],
            ["Alternative reviews", "1"], ["Completed (sent to the Home Office)", "1"], ["Published", "1"], ["Ongoing", "1"], ["On hold", "1"], ["Stopped", "1"],
        ], BoardReportText.SummaryCounts(new BoardReport(new BoardScope(1, "CSP", false), D(2025, 10, 31), [], [], [], summary)).Rows);
    }

    [Fact]
    public void Compute_MixedCases_AsAt31March2025_TheEarlierPicture()
    {
        var summary = Compute(Mixed, D(2025, 3, 31));

        // P is still being written (ongoing), S already stopped, Q on hold since 1 March.
        Assert.Equal(new SummaryCounts(Notified: 6, AwaitingDecision: 1, CriteriaNotMet: 2, Full: 2, Alternative: 1, Completed: 0, Published: 0,
            Ongoing: 2, OnHold: 1, Stopped: 1), summary.Counts);
        Assert.Equal([2024, 2023, 2022], summary.Years.Select(y => y.StartYear));
        Assert.Equal("4 of 4 on time (100%), median 16.5 days", Cell(summary, 2024, TimelinessStep.NotificationToDecision));
        Assert.Equal(BoardReportText.NoCase, Cell(summary, 2024, TimelinessStep.DecisionToSignOff));
        Assert.Equal(0, summary.NotRecorded.Steps[TimelinessStep.AuthorToFirstPanel]);
    }

    [Fact]
    public void Compute_NotRecorded_SplitByTheFinancialYearItIsKnownToHaveBeenPassedBy_ElseYearNotKnown()
    {
        // Decided 10 Jan 2025, signed off 2 Apr 2025, with no appointment recorded: the appointment step is passed by the
        // sign-off (2 Apr 2025, in 2025-26) though it started in 2024-25; so is the first panel step.
        var measured = Timeliness.Measure(new Milestones(D(2025, 1, 2), D(2025, 1, 10), D(2025, 1, 10), null, null, D(2025, 4, 2), null), [], D(2025, 5, 1), Targets);
        Assert.Equal((true, D(2025, 4, 2)), (measured[1].NotRecorded, measured[1].PassedBy!.Value));
        Assert.Equal((true, D(2025, 4, 2)), (measured[2].NotRecorded, measured[2].PassedBy!.Value));

        static TimelinessInterval NotRecorded(TimelinessStep step, DateOnly passedBy) => new(step, null, null, null, 0, null, null, NotRecorded: true) { PassedBy = passedBy };
        static BoardPosition Sent(DateOnly? on, bool stopped = false) =>
            new(Stage.Submitted, CrgOutcome.CriteriaMet, true) { SentToHomeOffice = true, SentOn = on, Stopped = stopped };
        SummaryCase[] cases =
        [
            // A: sent 1 Jun 2025 with its death month: its two unrecorded steps counted, one each side of 1 April.
            new(D(2025, 1, 2), D(2024, 12, 1), Sent(D(2025, 6, 1)), BoardReviewKind.Full, [.. measured.Take(1), measured[1] with { PassedBy = D(2025, 3, 31) }, measured[2]]),
            // B: sent 1 Jun 2025 without the month of the death: its months counted in 2025-26.
            new(D(2025, 1, 3), null, Sent(D(2025, 6, 1)), BoardReviewKind.Full, []),
            // C: sent on a day not recorded: year not known.
            new(D(2025, 1, 4), D(2024, 12, 1), Sent(null), BoardReviewKind.Full, []),
            // D: stopped: its open steps were never passed, not counted.
            new(D(2025, 1, 5), D(2024, 12, 1), new BoardPosition(Stage.Closed, CrgOutcome.CriteriaMet, false) { Stopped = true }, BoardReviewKind.Full,
                [NotRecorded(TimelinessStep.DecisionToAuthor, D(2025, 5, 1))]),
        ];

        var summary = BoardSummaries.Compute(cases, D(2025, 7, 1));

        Assert.Equal((1, 1, 2), (summary.NotRecorded.Steps[TimelinessStep.DecisionToAuthor], summary.NotRecorded.Steps[TimelinessStep.AuthorToFirstPanel],
            summary.NotRecorded.DeathToSubmission));
        var report = new BoardReport(new BoardScope(1, "CSP", false), D(2025, 7, 1), [], [], [], summary);
        Assert.Equal(
        [
            ["2025-26 (Apr 2025 to Mar 2026)", "0", "0", "1", "0", "0", "1"],
            ["2024-25 (Apr 2024 to Mar 2025)", "0", "1", "0", "0", "0", "0"],
            ["Year not known", "0", "0", "0", "0", "0", "1"],
        ], BoardReportText.SummaryNotRecorded(report).Rows);
        // The total row is the sum of the split.
        Assert.Equal(["Not recorded (left out)", "0", "1", "1", "0", "0", "2"], BoardReportText.SummaryYears(report).Footer);
    }

    [Fact]
    public void Compute_NoCase_OneRowForTheReportsYear_SayingSo()
    {
        var summary = BoardSummaries.Compute([], D(2026, 12, 7));
        Assert.Equal([2026], summary.Years.Select(y => y.StartYear));
        Assert.All(summary.Years[0].Steps.Values, s => Assert.Equal(BoardReportText.NoCase, BoardReportText.Year(s)));
        Assert.Equal(BoardReportText.NoCase, BoardReportText.Months(summary.Years[0].DeathToSubmission));
        Assert.Equal(0, summary.Counts.Notified);
    }

    [Fact]
    public void Year_Text_SharesRoundToWholePerCent_OneDaySingular()
    {
        Assert.Equal("2 of 3 on time (67%), median 1 day", BoardReportText.Year(new StepYear(3, 2, 1m)));
        Assert.Equal("1 case, median 7 days", BoardReportText.Year(new StepYear(1, null, 7m)));
    }
}
