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
        // No date in the sheet for the Home Office's notification and acknowledgement, nor for the report going for
        // sign-off: "date not recorded", each placed on the next date the sheet has (known to have happened by then).
        Assert.Equal(
            [
                DatePrecision.Day, DatePrecision.Day, DatePrecision.NotRecorded, DatePrecision.NotRecorded, DatePrecision.Day, DatePrecision.NotRecorded,
                DatePrecision.Day, DatePrecision.Day, DatePrecision.Day, DatePrecision.Day,
            ],
            row.Steps.Select(s => s.Precision));
        Assert.Equal((new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 1)), (row.Steps[2].On, row.Steps[3].On));
        Assert.Equal(new DateOnly(2025, 12, 1), row.Steps[5].On);
        Assert.Equal(new DateOnly(2026, 6, 1), row.Steps[^1].On);
    }

    [Fact]
    public void CheckRow_PastTheDecisionWithoutItsDate_RecordsTheDecisionNotRecorded_OnTheNextDateTheSheetHas()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "Mar 2025"), (C.AuthorAppointed, "01/05/2025"), (C.SignedOff, "01/12/2025"), (C.Stage, "CRG sign-off")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [
                (Trigger.PresentToCrg, new DateOnly(2025, 3, 31), DatePrecision.Month), (Trigger.RecordCriteriaMet, new DateOnly(2025, 5, 1), DatePrecision.NotRecorded),
                (Trigger.RecordHomeOfficeNotified, new DateOnly(2025, 5, 1), DatePrecision.NotRecorded),
                (Trigger.RecordHomeOfficeAcknowledged, new DateOnly(2025, 5, 1), DatePrecision.NotRecorded), (Trigger.AppointAuthor, new DateOnly(2025, 5, 1), DatePrecision.Day),
                (Trigger.SubmitForSignOff, new DateOnly(2025, 12, 1), DatePrecision.NotRecorded), (Trigger.RecordSignedOff, new DateOnly(2025, 12, 1), DatePrecision.Day),
            ],
            row!.Steps.Select(s => (s.Trigger, s.On, s.Precision)));

        // Only the stage says the case is past its decision: the decision is still recorded, on the day of the import.
        var (decided, none) = ImportRows.CheckRow(Row(3, (C.Presented, "20/03/2025"), (C.Stage, "Commissioning chair/author")), Lookups);
        Assert.Empty(none);
        Assert.Equal((Trigger.RecordCriteriaMet, Lookups.Today, DatePrecision.NotRecorded), (decided!.Steps[1].Trigger, decided.Steps[1].On, decided.Steps[1].Precision));

        // A "criteria not met" decision keeps needing its date; and the case must have been presented to the CRG.
        var (_, notMet) = ImportRows.CheckRow(Row(4, (C.Presented, "20/03/2025"), (C.Outcome, "Criteria not met"), (C.Stage, "Decision made: Home Office to be told")), Lookups);
        Assert.Contains(notMet, p => p.Column == C.Decision);
        var (_, notPresented) = ImportRows.CheckRow(Row(5, (C.AuthorAppointed, "01/05/2025"), (C.Stage, "Panel and report writing")), Lookups);
        Assert.Contains(notPresented, p => p.Column == C.AuthorAppointed && p.Message.Contains("first presented to crg", StringComparison.Ordinal));
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
            Row(5, (C.CaseLabel, "Case V 2025"), (C.Presented, "20/03/2025"), (C.Stage, "Action plan monitoring")),
            Row(6, (C.CaseLabel, "case v 2025")),
            Row(7, (C.CaseLabel, "Case W 2025"), (C.Presented, "20/03/2027")),
            Row(8, (C.CaseLabel, "Case X 2025"), (C.HoldReason, "Inquest")),
        };

        var (valid, _, problems) = ImportRows.Check(rows, Lookups);

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
    public void CheckRow_PublishedAtAnHttpAddress_IsRefusedAsTheForms()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2,
            (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"), (C.SignedOff, "01/12/2025"),
            (C.Submitted, "05/12/2025"), (C.QaDate, "01/03/2026"), (C.Published, "01/06/2026"), (C.PublicationLink, "http://example.org/dhr"),
            (C.Stage, "Action plan monitoring")), Lookups);

        Assert.Null(row);
        Assert.Contains(problems, p => p.Column == C.PublicationLink && p.Message.Contains("should start https://", StringComparison.Ordinal));
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
        // The Home Office's notification and acknowledgement have no date in the sheet: known to have happened by the
        // appointment, after the hold.
        Assert.Equal(
            [Trigger.PresentToCrg, Trigger.RecordCriteriaMet, Trigger.PutOnHold, Trigger.Resume, Trigger.RecordHomeOfficeNotified, Trigger.RecordHomeOfficeAcknowledged,
                Trigger.AppointAuthor],
            row!.Steps.Select(s => s.Trigger));
        var hold = Assert.IsType<PutOnHoldArgs>(row.Steps[2].Args);
        Assert.Equal((HoldReason.Inquest, (DateOnly?)new DateOnly(2025, 4, 28)), (hold.HoldReason, hold.ExpectedReviewDate));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 28)), (row.Steps[2].On, row.Steps[3].On));
        Assert.Equal((new DateOnly(2025, 5, 1), DatePrecision.NotRecorded), (row.Steps[4].On, row.Steps[4].Precision));
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
        // The Home Office told of the new decision, and its acknowledgement: no dates in the sheet, known by the appointment.
        Assert.Equal(
            [(new DateOnly(2025, 4, 8), DatePrecision.Day), (new DateOnly(2025, 9, 1), DatePrecision.Day), (new DateOnly(2025, 10, 1), DatePrecision.NotRecorded),
                (new DateOnly(2025, 10, 1), DatePrecision.NotRecorded)],
            row.Steps.Skip(2).Take(4).Select(s => (s.On, s.Precision)));
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
        // A panel meeting means a chair/author was appointed (the day may be unknown): the stage is past commissioning.
        Assert.Equal([(C.Stage, "The stage \"Commissioning chair/author\" does not fit the dates, which reach \"Panel and report writing\": correct the stage or the dates.")],
            noAuthor.Select(p => (p.Column, p.Message)));

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

    [Theory]
    [InlineData("03/2025")]
    [InlineData("3/2025")]
    [InlineData("Mar 2025")]
    [InlineData("March 2025")]
    [InlineData("2025-03")]
    public void ParseMonthAlone_ReadsAMonthAsTrackersWriteIt(string text) => Assert.Equal(new DateOnly(2025, 3, 1), TrackerValues.ParseMonthAlone(text));

    [Theory]
    [InlineData("13/2025")]
    [InlineData("00/2025")]
    [InlineData("03/03/2025")]
    [InlineData("Spring 2025")]
    public void ParseMonthAlone_RefusesAMonthOutOfRange_AndAFullDate(string text) => Assert.Null(TrackerValues.ParseMonthAlone(text));

    [Fact]
    public void CheckRow_FirstPresentedAsAMonthAlone_IsPlacedByTheMonthsEnd_OrTheNextDateInIt()
    {
        var (waiting, none) = ImportRows.CheckRow(Row(2, (C.Presented, "03/2025"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Empty(none);
        Assert.Equal((Trigger.PresentToCrg, new DateOnly(2025, 3, 31), DatePrecision.Month), (waiting!.Steps[0].Trigger, waiting.Steps[0].On, waiting.Steps[0].Precision));

        // Decided within the same month: presented by the decision's day, still in March.
        var (decided, problems) = ImportRows.CheckRow(Row(3, (C.CaseLabel, "Case U 2025"), (C.Presented, "Mar 2025"), (C.Decision, "20/03/2025"),
            (C.Stage, "Decision made: Home Office to be told")), Lookups);
        Assert.Empty(problems);
        Assert.Equal((new DateOnly(2025, 3, 20), DatePrecision.Month), (decided!.Steps[0].On, decided.Steps[0].Precision));
        Assert.Equal((new DateOnly(2025, 3, 20), DatePrecision.Day), (decided.Steps[1].On, decided.Steps[1].Precision));
    }

    [Fact]
    public void CheckRow_AMonthAlone_IsOrderedAgainstTheDatesAroundIt_AMonthNotBeforeADateInIt()
    {
        // Notified 3 Mar 2025: presented in March is not before it; in February it is.
        var (_, february) = ImportRows.CheckRow(Row(2, (C.Presented, "02/2025"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Equal([(C.Presented, "First presented to CRG (February 2025) is before date notified (3 Mar 2025): the dates are out of order.")],
            february.Select(p => (p.Column, p.Message)));

        var (_, decidedBefore) = ImportRows.CheckRow(Row(3, (C.Presented, "04/2025"), (C.Decision, "20/03/2025"), (C.Stage, "Decision made: Home Office to be told")), Lookups);
        Assert.Equal([(C.Decision, "CRG decision (20 Mar 2025) is before first presented to crg (April 2025): the dates are out of order.")],
            decidedBefore.Select(p => (p.Column, p.Message)));

        var (_, outOfRange) = ImportRows.CheckRow(Row(4, (C.Presented, "13/2025"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Equal([C.Presented], outOfRange.Select(p => p.Column));
        Assert.StartsWith("\"13/2025\" is not a date or a month: enter the date as dd/mm/yyyy", outOfRange[0].Message, StringComparison.Ordinal);

        // Today is 15 Nov 2026: November is not in the future, December is.
        var (_, thisMonth) = ImportRows.CheckRow(Row(5, (C.Presented, "11/2026"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Empty(thisMonth);
        var (_, nextMonth) = ImportRows.CheckRow(Row(6, (C.Presented, "12/2026"), (C.Stage, "Awaiting CRG decision")), Lookups);
        Assert.Contains(nextMonth, p => p.Column == C.Presented && p.Message == "December 2026 is in the future: the tracker records what has happened.");

        // A month alone is for the first presentation only: elsewhere it is not a date.
        var (_, monthDecision) = ImportRows.CheckRow(Row(7, (C.Presented, "03/2025"), (C.Decision, "04/2025"), (C.Stage, "Decision made: Home Office to be told")), Lookups);
        Assert.Contains(monthDecision, p => p.Column == C.Decision && p.Message == "\"04/2025\" is not a date: enter it as dd/mm/yyyy, e.g. 02/11/2025.");
    }

    [Fact]
    public void CheckRow_StepsPassedWithoutTheirDates_AreRecordedDateNotRecorded_NotInvented()
    {
        // With the report at the Home Office, and only the decision dated: every step after it is known to have happened
        // by the day of the import, on a day nobody recorded.
        var (row, problems) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Stage, "Submitted to the Home Office")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [
                Trigger.PresentToCrg, Trigger.RecordCriteriaMet, Trigger.RecordHomeOfficeNotified, Trigger.RecordHomeOfficeAcknowledged, Trigger.AppointAuthor,
                Trigger.SubmitForSignOff, Trigger.RecordSignedOff, Trigger.SubmitToHomeOffice,
            ],
            row!.Steps.Select(s => s.Trigger));
        Assert.All(row.Steps.Skip(2), s => Assert.Equal((Lookups.Today, DatePrecision.NotRecorded), (s.On, s.Precision)));
    }

    [Fact]
    public void CheckRow_PublishedWithoutItsQaDate_TheOutcomeAndAmendmentsAreNotRecorded_PlacedByThePublication()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"),
            (C.Submitted, "01/12/2025"), (C.QaOutcome, "Approved subject to amendments"), (C.Published, "01/06/2026"), (C.PublicationLink, "https://example.org/dhr"),
            (C.Stage, "Action plan monitoring")), Lookups);

        Assert.Empty(problems);
        Assert.Equal(
            [
                (Trigger.SubmitForSignOff, new DateOnly(2025, 12, 1), DatePrecision.NotRecorded), (Trigger.RecordSignedOff, new DateOnly(2025, 12, 1), DatePrecision.NotRecorded),
                (Trigger.SubmitToHomeOffice, new DateOnly(2025, 12, 1), DatePrecision.Day),
                (Trigger.RecordQaApprovedSubjectToAmendments, new DateOnly(2026, 6, 1), DatePrecision.NotRecorded),
                (Trigger.RecordAmendmentsMade, new DateOnly(2026, 6, 1), DatePrecision.NotRecorded), (Trigger.RecordPublished, new DateOnly(2026, 6, 1), DatePrecision.Day),
            ],
            row!.Steps.Skip(5).Select(s => (s.Trigger, s.On, s.Precision)));
    }

    [Fact]
    public void CheckRow_TheDatesThatStayRequired_AreAskedForByColumn()
    {
        // The board groups cases by the month first presented to the CRG: an appointment without it is refused (the
        // decision between them may be left empty: "date not recorded").
        var (_, noDecision) = ImportRows.CheckRow(Row(2, (C.AuthorAppointed, "01/05/2025"), (C.Stage, "Panel and report writing")), Lookups);
        Assert.Contains(noDecision, p => p.Column == C.AuthorAppointed && p.Message == "Chair/author appointed is filled in but first presented to crg is not: enter that date too.");

        // A publication needs its date (and link): a stage past it without one does not fit.
        var (_, noPublication) = ImportRows.CheckRow(Row(3, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Stage, "Action plan monitoring")), Lookups);
        Assert.Equal([C.Stage], noPublication.Select(p => p.Column));

        // "Amendments after quality assurance" needs the QA outcome that asked for them.
        var (_, approved) = ImportRows.CheckRow(Row(4, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Stage, "Amendments after quality assurance")), Lookups);
        Assert.Equal([C.Stage], approved.Select(p => p.Column));
        var (amending, none) = ImportRows.CheckRow(Row(5, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.QaOutcome, "Approved subject to amendments"),
            (C.Stage, "Amendments after quality assurance")), Lookups);
        Assert.Empty(none);
        Assert.Equal(Trigger.RecordQaApprovedSubjectToAmendments, amending!.Steps[^1].Trigger);
    }

    [Fact]
    public void CheckRow_OnHoldWithoutItsStart_TheHoldIsNotRecorded_AndNothingBeforeItComesAfterIt()
    {
        var (row, problems) = ImportRows.CheckRow(Row(2, (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.Stage, "On hold"), (C.HoldReason, "Inquest"),
            (C.HoldReviewDate, "01/01/2027")), Lookups);
        Assert.Empty(problems);
        Assert.Equal((Trigger.PutOnHold, Lookups.Today, DatePrecision.NotRecorded), (row!.Steps[^1].Trigger, row.Steps[^1].On, row.Steps[^1].Precision));

        // Held from a known day at commissioning: the Home Office's steps without dates are placed by that day, before the hold.
        var (held, none) = ImportRows.CheckRow(Row(3, (C.CaseLabel, "Case U 2025"), (C.Presented, "20/03/2025"), (C.Decision, "01/04/2025"), (C.AuthorAppointed, "01/05/2025"),
            (C.Stage, "On hold"), (C.HoldReason, "Inquest"), (C.HeldSince, "01/06/2025"), (C.HoldReviewDate, "01/01/2027")), Lookups);
        Assert.Empty(none);
        Assert.Equal(new DateOnly(2025, 5, 1), held!.Steps[2].On);
        Assert.Equal((Trigger.PutOnHold, new DateOnly(2025, 6, 1), DatePrecision.Day), (held.Steps[^1].Trigger, held.Steps[^1].On, held.Steps[^1].Precision));
    }
}
