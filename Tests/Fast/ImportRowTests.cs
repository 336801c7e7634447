using Domain.Reviews;
using Domain.Workflow;
using Workflows.Import;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Portal.Fast.Tests;

public class ImportRowTests
{
    private static readonly ImportLookups Lookups = new(
        new Dictionary<string, int> { ["leicester city csp"] = 1, ["rutland csp"] = 2 },
        new Dictionary<string, int> { ["leicestershire police"] = 10 },
        new HashSet<string> { "case a 2024" },
        new DateOnly(2026, 11, 15));

    private static TrackerRow Row(int number, params (string Column, string Value)[] cells)
    {
        var map = new Dictionary<string, string>
        {
            [C.CaseLabel] = "Case T 2025", [C.LeadCsp] = "Leicester City CSP", [C.Type] = "DHR", [C.NotifyingAgency] = "Leicestershire Police",
            [C.DeathMonth] = "02/2025", [C.Notified] = "03/03/2025", [C.Stage] = "Notification received",
        };
        foreach (var (column, value) in cells)
        {
            map[column] = value;
        }

        return new TrackerRow(number, map);
    }

    [Fact]
    public void CheckRow_PublishedReview_ReplaysEveryStepWithTheSheetsDates()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "2025-04-01"), (C.AuthorAppointed, "1 May 2025"), (C.SignedOff, "01/12/2025"),
            (C.Submitted, "05/12/2025"), (C.QaDate, "01/03/2026"), (C.Published, "01/06/2026"), (C.PublicationLink, "https://example.org/dhr"),
            (C.Stage, "Action plan monitoring"), (C.LatestUpdate, "Three actions open.")), Lookups);

        Assert.Empty(problems);
        Assert.NotNull(row);
        Assert.Equal(Stage.ActionPlanMonitoring, row.Stage);
        Assert.Equal(ReviewType.Dhr, row.Type);
        Assert.Equal((2025, 2), (row.DeathYear, row.DeathMonth));
        Assert.Equal(
            [
                Trigger.PresentToCrg, Trigger.RecordCriteriaMet, Trigger.RecordHomeOfficeNotified, Trigger.RecordHomeOfficeAcknowledged, Trigger.AppointAuthor,
                Trigger.SubmitForSignOff, Trigger.RecordSignedOff, Trigger.SubmitToHomeOffice, Trigger.RecordQaApproved, Trigger.RecordPublished,
            ],
            row.Steps.Select(s => s.Trigger));
        Assert.Equal(new DateOnly(2025, 3, 20), row.Steps[0].On);
        Assert.Equal(new DateOnly(2025, 4, 1), row.Steps[2].On); // no Home Office date in the sheet: the decision's
        Assert.Equal(new DateOnly(2026, 6, 1), row.Steps[^1].On);
    }

    [Fact]
    public void CheckRow_OnHold_EndsWithAHoldFromTheStageTheDatesReach()
    {
        var (row, problems) = ImportRows.CheckRow(Row(3,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"), (C.Stage, "On hold"),
            (C.HoldReason, "Criminal trial"), (C.HeldSince, "01/06/2025"), (C.HoldReviewDate, "01/01/2027")), Lookups);

        Assert.Empty(problems);
        var hold = row!.Steps[^1];
        Assert.Equal(Trigger.PutOnHold, hold.Trigger);
        Assert.Equal(new DateOnly(2025, 6, 1), hold.On);
        var args = Assert.IsType<PutOnHoldArgs>(hold.Args);
        Assert.Equal(HoldReason.CriminalTrial, args.HoldReason);
        Assert.Equal(new DateOnly(2027, 1, 1), args.ExpectedReviewDate);
        Assert.Equal(Trigger.AppointAuthor, row.Steps[^2].Trigger);
    }

    [Theory]
    [InlineData("Decision made: Home Office to be told")]
    [InlineData("Decision notified to the Home Office")]
    [InlineData(" decision  NOTIFIED to the home office ")]
    [InlineData("DecisionNotified")]
    public void ParseStage_TakesTheStageNameAndItsFormerName(string text) =>
        Assert.Equal(Stage.DecisionNotified, TrackerValues.ParseStage(text));

    [Fact]
    public void Check_ReportsEveryProblemWithRowAndColumn()
    {
        var rows = new[]
        {
            Row(2, (C.LeadCsp, "Nowhere CSP"), (C.Notified, "31/02/2025"), (C.Type, "SAR")),
            Row(3, (C.CaseLabel, "Case A 2024")),
            Row(4, (C.CaseLabel, "Case U 2025"), (C.Presented, "01/05/2025"), (C.Decision, "01/04/2025"), (C.Stage, "Decision notified to the Home Office")),
            Row(5, (C.CaseLabel, "Case V 2025"), (C.Presented, "20/03/2025"), (C.Stage, "Panel and report writing")),
            Row(6, (C.CaseLabel, "case v 2025")),
            Row(7, (C.CaseLabel, "Case W 2025"), (C.Presented, "20/03/2027")),
            Row(8, (C.CaseLabel, "Case X 2025"), (C.HoldReason, "Inquest")),
        };

        var (valid, problems) = ImportRows.Check(rows, Lookups);

        Assert.Empty(valid);
        Assert.Contains(problems, p => p is { Row: 2, Column: C.LeadCsp } && p.Message.Contains("not a CSP your office serves", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 2, Column: C.Notified } && p.Message.Contains("is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 2, Column: C.Type });
        Assert.Contains(problems, p => p is { Row: 3, Column: C.CaseLabel } && p.Message.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 4, Column: C.Decision } && p.Message.Contains("out of order", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 5, Column: C.Stage } && p.Message.Contains("does not fit the dates", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 6, Column: C.CaseLabel } && p.Message.Contains("also used on row 5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 7, Column: C.Presented } && p.Message.Contains("in the future", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 8, Column: C.HoldReason } && p.Message.Contains("not \"On hold\"", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckRow_ADateWithoutTheOneBeforeIt_IsReported()
    {
        var (_, problems) = ImportRows.CheckRow(Row(2, (C.Decision, "01/04/2025"), (C.Stage, "Commissioning chair/author")), Lookups);

        Assert.Contains(problems, p => p.Column == C.Decision && p.Message.Contains("first presented to crg is not", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckRow_PublishedWithoutALink_AsksForIt()
    {
        var (_, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"), (C.SignedOff, "01/12/2025"),
            (C.Submitted, "05/12/2025"), (C.QaDate, "01/03/2026"), (C.Published, "01/06/2026"), (C.Stage, "Action plan monitoring")), Lookups);

        Assert.Contains(problems, p => p.Column == C.PublicationLink);
    }

    [Fact]
    public void CheckHeadings_RefusesColumnsOutsideTheTemplate_AndNamesMissingOnes()
    {
        var problems = ImportHeadings.Check(["Case label", "Lead CSP", "Deceased name", "Type"]);

        Assert.Contains(problems, p => p.Column == "Deceased name" && p.Message.Contains("not a column of the template", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == C.Notified && p.Message.Contains("missing", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(1, p.Row));
    }

    [Fact]
    public void CheckRow_CriteriaNotMet_Closed_ReplaysTheDecisionTheHomeOfficeAndAClosureWithoutAReview()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Criteria not met"), (C.HomeOfficeNotified, "08/04/2025"),
            (C.Closed, "01/07/2025"), (C.Stage, "Closed")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [Trigger.PresentToCrg, Trigger.RecordCriteriaNotMet, Trigger.RecordHomeOfficeNotified, Trigger.CloseWithoutReview],
            row!.Steps.Select(s => s.Trigger));
        Assert.False(Assert.IsType<RecordCriteriaNotMetArgs>(row.Steps[1].Args).AlternativeReview);
        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 8), new DateOnly(2025, 7, 1)], row.Steps.Skip(1).Select(s => s.On));
    }

    [Fact]
    public void CheckRow_CriteriaNotMet_WithoutADecisionDate_WithDatesOfAReview_OrPastTheDecision_IsRefused()
    {
        var (_, noDate) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Outcome, "criteria not met"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Contains(noDate, p => p.Column == C.Decision && p.Message.Contains("Criteria not met", StringComparison.Ordinal));

        var (_, reviewDates) = ImportRows.CheckRow(Row(3, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Criteria not met"),
            (C.AuthorAppointed, "01/05/2025"), (C.Stage, "Panel and report writing")), Lookups);
        Assert.Contains(reviewDates, p => p.Column == C.Outcome);

        var (row, commissioning) = ImportRows.CheckRow(Row(4, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Criteria not met"),
            (C.Stage, "Commissioning chair/author")), Lookups);
        Assert.Null(row);
        Assert.Contains(commissioning, p => p.Column == C.Stage && p.Message.Contains("criteria were not met", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckRow_AHoldThatEnded_IsPutOnHoldAndResumedBetweenTheStepsAroundIt()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"), (C.Stage, "Panel and report writing"),
            (C.HoldReason, "Inquest"), (C.HeldSince, "01/04/2025"), (C.HoldEnded, "28/04/2025")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [Trigger.PresentToCrg, Trigger.RecordCriteriaMet, Trigger.RecordHomeOfficeNotified, Trigger.RecordHomeOfficeAcknowledged, Trigger.PutOnHold, Trigger.Resume,
                Trigger.AppointAuthor],
            row!.Steps.Select(s => s.Trigger));
        var hold = Assert.IsType<PutOnHoldArgs>(row.Steps[4].Args);
        Assert.Equal((HoldReason.Inquest, (DateOnly?)new DateOnly(2025, 4, 28)), (hold.HoldReason, hold.ExpectedReviewDate));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 28)), (row.Steps[4].On, row.Steps[5].On));
    }

    [Fact]
    public void CheckRow_AHoldThatEnded_WithAStepWhileHeld_EndingBeforeItStarted_OrStillOnHold_IsRefusedByColumn()
    {
        var (_, during) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Decision, "10/04/2025"), (C.Stage, "Decision notified to the Home Office"),
            (C.HoldReason, "Inquest"), (C.HeldSince, "01/04/2025"), (C.HoldEnded, "28/04/2025")), Lookups);
        Assert.Equal([C.Decision], during.Select(p => p.Column));
        Assert.Contains("falls while the review was on hold (1 Apr 2025 to 28 Apr 2025)", during[0].Message, StringComparison.Ordinal);

        var (_, backwards) = ImportRows.CheckRow(Row(3, (C.Stage, "Notification received"),
            (C.HoldReason, "Inquest"), (C.HeldSince, "01/05/2025"), (C.HoldEnded, "28/04/2025")), Lookups);
        Assert.Equal([C.HoldEnded], backwards.Select(p => p.Column));

        var (_, noStart) = ImportRows.CheckRow(Row(4, (C.Stage, "Notification received"), (C.HoldEnded, "28/04/2025")), Lookups);
        Assert.Equal([C.HoldReason, C.HeldSince], noStart.Select(p => p.Column));

        var (_, stillHeld) = ImportRows.CheckRow(Row(5, (C.Stage, "On hold"), (C.HoldReason, "Inquest"), (C.HeldSince, "01/04/2025"), (C.HoldEnded, "28/04/2025")), Lookups);
        Assert.Contains(stillHeld, p => p.Column == C.HoldEnded);
    }

    [Fact]
    public void CheckRow_TheLatestUpdate_IsAsAtItsOwnDate_OrTheRowsLastDate_AndItsDateNeedsAnUpdate()
    {
        var (dated, _) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Stage, "Awaiting CRG decision"), (C.LatestUpdate, "Due at the CRG in May."),
            (C.UpdateAsAt, "02/04/2025")), Lookups);
        Assert.Equal(new DateOnly(2025, 4, 2), dated!.UpdateAsAt);

        var (undated, _) = ImportRows.CheckRow(Row(3, (C.Presented, "20/03/2025"), (C.Stage, "Awaiting CRG decision"), (C.LatestUpdate, "Due at the CRG in May.")), Lookups);
        Assert.Equal(new DateOnly(2025, 3, 20), undated!.UpdateAsAt);

        var (_, alone) = ImportRows.CheckRow(Row(4, (C.UpdateAsAt, "02/04/2025")), Lookups);
        Assert.Equal([C.UpdateAsAt], alone.Select(p => p.Column));
        var (_, early) = ImportRows.CheckRow(Row(5, (C.LatestUpdate, "x"), (C.UpdateAsAt, "01/01/2025")), Lookups);
        Assert.Equal([C.UpdateAsAt], early.Select(p => p.Column));
        var (_, future) = ImportRows.CheckRow(Row(6, (C.LatestUpdate, "x"), (C.UpdateAsAt, "01/01/2027")), Lookups);
        Assert.Equal([C.UpdateAsAt], future.Select(p => p.Column));
    }

    [Fact]
    public void CheckRow_AReversedDecision_ReplaysTheNotMetDecision_ItsReversal_AndTheReviewFromTheNewDecision()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Criteria not met"), (C.HomeOfficeNotified, "08/04/2025"),
            (C.Reversed, "Judicial review"), (C.ReversedOn, "01/09/2025"), (C.AuthorAppointed, "01/10/2025"), (C.FirstPanel, "20/11/2025"),
            (C.Stage, "Panel and report writing")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [
                Trigger.PresentToCrg, Trigger.RecordCriteriaNotMet, Trigger.RecordHomeOfficeNotified, Trigger.ReverseCriteriaNotMet, Trigger.RecordHomeOfficeNotified,
                Trigger.RecordHomeOfficeAcknowledged, Trigger.AppointAuthor,
            ],
            row!.Steps.Select(s => s.Trigger));
        var reversal = Assert.IsType<ReverseCriteriaNotMetArgs>(row.Steps[3].Args);
        Assert.Equal(DecisionReversalReason.JudicialReview, reversal.Reason);
        Assert.Equal([new DateOnly(2025, 4, 8), new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 1)], row.Steps.Skip(2).Take(4).Select(s => s.On));
        Assert.Equal(new DateOnly(2025, 11, 20), row.FirstPanel);
    }

    [Fact]
    public void CheckRow_AReversal_WithoutItsReasonOrDate_OfAMetDecision_OrUnknown_IsRefusedByColumn()
    {
        (string, string)[] notMet = [(C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Criteria not met"), (C.Stage, "Decision notified to the Home Office")];

        var (_, noDate) = ImportRows.CheckRow(Row(2, [.. notMet, (C.Reversed, "Appeal")]), Lookups);
        Assert.Equal([(C.ReversedOn, "The decision was reversed: enter the date of the CRG's new decision in \"Reversed on\".")], noDate.Select(p => (p.Column, p.Message)));

        var (_, noReason) = ImportRows.CheckRow(Row(3, [.. notMet, (C.ReversedOn, "01/09/2025")]), Lookups);
        Assert.Equal([C.Reversed], noReason.Select(p => p.Column));
        Assert.Contains("enter why in \"Decision reversed\"", noReason[0].Message, StringComparison.Ordinal);

        var (_, met) = ImportRows.CheckRow(Row(4, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Reversed, "Appeal"), (C.ReversedOn, "01/09/2025"),
            (C.Stage, "Decision notified to the Home Office")), Lookups);
        Assert.Contains(met, p => p.Column == C.Reversed && p.Message.StartsWith("Only a \"Criteria not met\" decision is reversed", StringComparison.Ordinal));

        var (_, unknown) = ImportRows.CheckRow(Row(5, [.. notMet, (C.Reversed, "Because"), (C.ReversedOn, "01/09/2025")]), Lookups);
        Assert.Equal([C.Reversed], unknown.Select(p => p.Column));
        Assert.Contains("\"Because\" is not a reason", unknown[0].Message, StringComparison.Ordinal);

        var (_, early) = ImportRows.CheckRow(Row(6, [.. notMet, (C.Reversed, "New information"), (C.ReversedOn, "01/03/2025")]), Lookups);
        Assert.Contains(early, p => p.Column == C.ReversedOn && p.Message.Contains("out of order", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckRow_AStoppedReview_IsReplayedToItsStage_ThenStopped_WithItsReason()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Outcome, "Learning review"), (C.AuthorAppointed, "01/05/2025"),
            (C.Stopped, "01/08/2025"), (C.StopReason, "The Home Office agreed: the inquest covers it."), (C.Stage, "Closed")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(Trigger.AppointAuthor, row!.Steps[^2].Trigger);
        Assert.True(Assert.IsType<RecordCriteriaNotMetArgs>(row.Steps[1].Args).AlternativeReview);
        var stop = row.Steps[^1];
        Assert.Equal((Trigger.StopReview, new DateOnly(2025, 8, 1)), (stop.Trigger, stop.On));
        Assert.Equal("The Home Office agreed: the inquest covers it.", stop.Args.Comment);
    }

    [Fact]
    public void CheckRow_StoppedWhileOnHold_IsPutOnHoldThenStopped()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"), (C.HoldReason, "Criminal trial"),
            (C.HeldSince, "01/06/2025"), (C.Stopped, "01/10/2025"), (C.StopReason, "Agreed with the Home Office."), (C.Stage, "Closed")), Lookups);

        Assert.Empty(problems);
        Assert.Equal([Trigger.AppointAuthor, Trigger.PutOnHold, Trigger.StopReview], row!.Steps.TakeLast(3).Select(s => s.Trigger));
        Assert.Equal(new DateOnly(2025, 10, 1), Assert.IsType<PutOnHoldArgs>(row.Steps[^2].Args).ExpectedReviewDate);
    }

    [Fact]
    public void CheckRow_AStop_WithoutItsReasonOrDate_NotClosed_ClosedAsWell_OrOfACaseWithoutAReview_IsRefusedByColumn()
    {
        (string, string)[] going = [(C.Presented, "20/03/2025"), (C.Decision, "01/04/2025")];

        var (_, noReason) = ImportRows.CheckRow(Row(2, [.. going, (C.Stopped, "01/08/2025"), (C.Stage, "Closed")]), Lookups);
        Assert.Equal([(C.StopReason, "The review was stopped: say why, and what the Home Office agreed, in \"Stop reason\".")], noReason.Select(p => (p.Column, p.Message)));

        var (_, noDate) = ImportRows.CheckRow(Row(3, [.. going, (C.StopReason, "Agreed."), (C.Stage, "Closed")]), Lookups);
        Assert.Contains(noDate, p => p.Column == C.Stopped);

        var (_, open) = ImportRows.CheckRow(Row(4, [.. going, (C.Stopped, "01/08/2025"), (C.StopReason, "Agreed."), (C.Stage, "Commissioning chair/author")]), Lookups);
        Assert.Equal([(C.Stage, "A stopped review is closed: enter \"Closed\" as the current stage.")], open.Select(p => (p.Column, p.Message)));

        var (_, notMet) = ImportRows.CheckRow(Row(5, [.. going, (C.Outcome, "Criteria not met"), (C.Stopped, "01/08/2025"), (C.StopReason, "Agreed."), (C.Stage, "Closed")]), Lookups);
        Assert.Contains(notMet, p => p.Column == C.Stopped && p.Message.Contains("no review was held to stop", StringComparison.Ordinal));

        var (_, early) = ImportRows.CheckRow(Row(6, [.. going, (C.Stopped, "01/03/2025"), (C.StopReason, "Agreed."), (C.Stage, "Closed")]), Lookups);
        Assert.Contains(early, p => p.Column == C.Stopped && p.Message.Contains("out of order", StringComparison.Ordinal));

        var (_, future) = ImportRows.CheckRow(Row(7, [.. going, (C.Stopped, "01/03/2027"), (C.StopReason, "Agreed."), (C.Stage, "Closed")]), Lookups);
        Assert.Contains(future, p => p.Column == C.Stopped && p.Message == "1 Mar 2027 is in the future: the tracker records what has happened.");
    }

    [Fact]
    public void CheckRow_AFirstPanelMeeting_NeedsTheAppointment_AndComesBeforeTheSignOff()
    {
        var (_, noAuthor) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.FirstPanel, "01/06/2025"),
            (C.Stage, "Commissioning chair/author")), Lookups);
        Assert.Contains(noAuthor, p => p.Column == C.FirstPanel && p.Message == "First panel meeting is filled in but chair/author appointed is not: enter that date too.");

        var (_, late) = ImportRows.CheckRow(Row(3, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"),
            (C.FirstPanel, "01/12/2025"), (C.SignedOff, "01/11/2025"), (C.Stage, "CRG sign-off")), Lookups);
        Assert.Contains(late, p => p.Column == C.SignedOff && p.Message == "Signed off by CRG (1 Nov 2025) is before first panel meeting (1 Dec 2025): the dates are out of order.");
    }

    [Fact]
    public void CheckRow_DatesOutOfOrder_AreRefusedNamingBothColumns()
    {
        var (_, problems) = ImportRows.CheckRow(Row(2, (C.Presented, "01/03/2025"), (C.Decision, "02/03/2025"), (C.Stage, "Decision notified to the Home Office")), Lookups);

        // Each date against the latest one before it: the decision is before the notification, though after the presentation.
        Assert.Equal(
            [
                (C.Presented, "First presented to CRG (1 Mar 2025) is before date notified (3 Mar 2025): the dates are out of order."),
                (C.Decision, "CRG decision (2 Mar 2025) is before date notified (3 Mar 2025): the dates are out of order."),
            ],
            problems.Select(p => (p.Column, p.Message)));
    }

    [Theory]
    [InlineData("03/03/2025")]
    [InlineData("3/3/2025")]
    [InlineData("2025-03-03")]
    [InlineData("3 Mar 2025")]
    [InlineData("45719")]
    [InlineData("03/03/25")] // two-digit years and month names: read as date fields read them (UkDate), refused before
    [InlineData("3rd March 2025")]
    [InlineData("3 Mar 25")]
    [InlineData("03-Mar-25")]
    [InlineData("3.3.2025")]
    [InlineData("03/03/2025 00:00:00")]
    [InlineData("2025-03-03T00:00:00")]
    [InlineData("3 Mar 2025 00:00")]
    public void ParseDate_ReadsTheWaysTrackersWriteDates(string text) =>
        Assert.Equal(new DateOnly(2025, 3, 3), TrackerValues.ParseDate(text));

    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("03/2025")]
    [InlineData("03/03/2025 14:30:00")]
    [InlineData("12/31/2025")]
    [InlineData("soon")]
    [InlineData("2999")]
    public void ParseDate_RefusesWhatIsNotADay(string text) => Assert.Null(TrackerValues.ParseDate(text));
}
