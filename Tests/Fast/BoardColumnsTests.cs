using Domain.Reports;
using Domain.Reviews;
using Domain.Workflow;

namespace Portal.Fast.Tests;

public sealed class BoardColumnsTests
{
    [Theory]
    [InlineData(Stage.NotificationReceived, null, false, BoardColumn.ReferralAwaitingDecision)]
    [InlineData(Stage.AwaitingCrgDecision, null, false, BoardColumn.ReferralAwaitingDecision)]
    [InlineData(Stage.DecisionNotified, CrgOutcome.CriteriaMet, false, BoardColumn.AwaitingHomeOffice)]
    [InlineData(Stage.DecisionNotified, CrgOutcome.CriteriaNotMet, false, BoardColumn.AwaitingHomeOffice)]
    [InlineData(Stage.Commissioning, CrgOutcome.CriteriaMet, false, BoardColumn.Commissioning)]
    [InlineData(Stage.PanelAndReport, CrgOutcome.CriteriaMet, false, BoardColumn.PanelOrReportWriting)]
    [InlineData(Stage.CrgSignOff, CrgOutcome.CriteriaMet, false, BoardColumn.PanelOrReportWriting)]
    [InlineData(Stage.CrgSignOff, CrgOutcome.CriteriaMet, true, BoardColumn.SignedOffByCrg)]
    [InlineData(Stage.Submitted, CrgOutcome.CriteriaMet, true, BoardColumn.WithHomeOffice)]
    [InlineData(Stage.QaAmendments, CrgOutcome.CriteriaMet, true, BoardColumn.WithHomeOffice)]
    [InlineData(Stage.OnHold, CrgOutcome.CriteriaMet, false, BoardColumn.OnHold)]
    [InlineData(Stage.Publication, CrgOutcome.CriteriaMet, true, null)]
    [InlineData(Stage.ActionPlanMonitoring, CrgOutcome.CriteriaMet, true, null)]
    [InlineData(Stage.Closed, CrgOutcome.CriteriaNotMet, false, null)]
    public void For_EachEngineStage_MapsToTheBoardsColumn(Stage stage, CrgOutcome? outcome, bool signedOff, BoardColumn? expected) =>
        Assert.Equal(expected, BoardColumns.For(new BoardPosition(stage, outcome, signedOff)));

    [Theory]
    [InlineData(null, false, BoardReviewKind.Full)]
    [InlineData(null, true, BoardReviewKind.Alternative)]
    [InlineData(CrgOutcome.CriteriaMet, false, BoardReviewKind.Full)]
    [InlineData(CrgOutcome.CriteriaNotMet, false, BoardReviewKind.CriteriaNotMet)]
    [InlineData(CrgOutcome.CriteriaNotMet, true, BoardReviewKind.Alternative)]
    // A Home Office direction after an alternative review: the replay reads it as criteria met, a full review.
    [InlineData(CrgOutcome.CriteriaMet, true, BoardReviewKind.Full)]
    public void KindOf_TheCrgsDecision_SaysWhichKindOfReviewTheBoardCounts(CrgOutcome? outcome, bool alternative, BoardReviewKind expected) =>
        Assert.Equal(expected, BoardColumns.KindOf(new BoardPosition(Stage.DecisionNotified, outcome, false), alternative));

    [Fact]
    public void For_EveryStage_IsMapped_OrDeliberatelyLeftOut()
    {
        var leftOut = Enum.GetValues<Stage>().Where(s => BoardColumns.For(new BoardPosition(s, CrgOutcome.CriteriaMet, true)) is null).ToList();
        Assert.Equal([Stage.Publication, Stage.ActionPlanMonitoring, Stage.Closed], leftOut);
    }

    [Fact]
    public void PositionOn_ReplaysTheStepsUpToTheDateTheyHappened()
    {
        JournalEntry E(int id, int month, int day, Stage to, Trigger? trigger) => new()
        {
            Id = id, ReviewId = 1, OccurredOn = new DateOnly(2026, month, day), RecordedAtUtc = new DateTime(2026, 7, 20, 9, 0, 0, DateTimeKind.Utc),
            Kind = trigger is null ? JournalKind.Started : JournalKind.Transition, ToStage = to, Trigger = trigger, DefinitionId = "dardr",
        };
        // All recorded on 20 July: each counts from the day it happened.
        var journal = new[]
        {
            E(1, 6, 1, Stage.NotificationReceived, null),
            E(2, 6, 3, Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            E(3, 6, 10, Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            E(4, 7, 1, Stage.CrgSignOff, Trigger.SubmitForSignOff),
            E(5, 7, 2, Stage.CrgSignOff, Trigger.RecordSignedOff),
        };
        Assert.Null(BoardColumns.PositionOn(journal, new DateOnly(2026, 5, 31)));
        Assert.Equal(BoardColumn.ReferralAwaitingDecision, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 6, 9))!));
        Assert.Equal(BoardColumn.AwaitingHomeOffice, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 6, 10))!));
        Assert.Equal(BoardColumn.PanelOrReportWriting, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 7, 1))!));
        Assert.Equal(BoardColumn.SignedOffByCrg, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 7, 2))!));
    }

    [Fact]
    public void PositionOn_AHoldRecordedAfterADeadlinePassed_CountsFromTheDayItBegan_AndTheDeadlineMovesNothing()
    {
        var journal = new[]
        {
            On(1, new DateOnly(2026, 10, 1), Stage.NotificationReceived, null),
            On(2, new DateOnly(2026, 10, 5), Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            // The decision clock passed on 1 November (recorded by the portal at the stage it then saw)...
            On(3, new DateOnly(2026, 11, 2), Stage.AwaitingCrgDecision, null, JournalKind.Deadline),
            // ...and on 10 November the officer recorded the hold the coroner asked for on 28 October.
            On(4, new DateOnly(2026, 10, 28), Stage.OnHold, Trigger.PutOnHold),
        };

        Assert.Equal(BoardColumn.ReferralAwaitingDecision, ColumnOn(journal, new DateOnly(2026, 10, 27)));
        Assert.Equal(BoardColumn.OnHold, ColumnOn(journal, new DateOnly(2026, 10, 28)));
        Assert.Equal(BoardColumn.OnHold, ColumnOn(journal, new DateOnly(2026, 11, 5)));
    }

    private static JournalEntry On(int id, DateOnly on, Stage to, Trigger? trigger, JournalKind? kind = null) => new()
    {
        Id = id, ReviewId = 1, OccurredOn = on, RecordedAtUtc = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc), ToStage = to, Trigger = trigger,
        Kind = kind ?? (trigger is null ? JournalKind.Started : JournalKind.Transition), DefinitionId = "dardr",
    };

    private static JournalEntry At(int id, DateTime atUtc, Stage to, Trigger? trigger) => On(id, DateOnly.FromDateTime(atUtc), to, trigger);

    private static BoardColumn? ColumnOn(IEnumerable<JournalEntry> journal, DateOnly asOf) => BoardColumns.For(BoardColumns.PositionOn(journal, asOf)!);

    [Fact]
    public void PositionOn_AReportSentBackAfterSignOff_IsBeingWrittenAgain_NotSignedOff()
    {
        var d = new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var journal = new[]
        {
            At(1, d, Stage.CrgSignOff, Trigger.SubmitForSignOff),
            At(2, d.AddDays(1), Stage.CrgSignOff, Trigger.RecordSignedOff),
            At(3, d.AddDays(2), Stage.Submitted, Trigger.SubmitToHomeOffice),
            At(4, d.AddDays(3), Stage.PanelAndReport, Trigger.RecordQaResubmit),
            At(5, d.AddDays(4), Stage.CrgSignOff, Trigger.SubmitForSignOff),
            At(6, d.AddDays(6), Stage.PanelAndReport, Trigger.RecordAmendmentsRequired),
        };

        Assert.Equal(BoardColumn.SignedOffByCrg, ColumnOn(journal, new DateOnly(2027, 3, 2)));
        Assert.Equal(BoardColumn.WithHomeOffice, ColumnOn(journal, new DateOnly(2027, 3, 3)));
        Assert.Equal(BoardColumn.PanelOrReportWriting, ColumnOn(journal, new DateOnly(2027, 3, 5)));
        Assert.False(BoardColumns.PositionOn(journal, new DateOnly(2027, 3, 5))!.SignedOff);
        Assert.Equal(BoardColumn.PanelOrReportWriting, ColumnOn(journal, new DateOnly(2027, 3, 7)));
    }

    [Fact]
    public void PositionOn_HeldAndResumed_KeepsTheSignOffAndTheDecision()
    {
        var d = new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var journal = new[]
        {
            At(1, d, Stage.DecisionNotified, Trigger.RecordCriteriaNotMet),
            At(2, d.AddDays(1), Stage.OnHold, Trigger.PutOnHold),
            At(3, d.AddDays(2), Stage.DecisionNotified, Trigger.Resume),
            At(4, d.AddDays(3), Stage.Commissioning, Trigger.RecordHomeOfficeDirection),
            At(5, d.AddDays(4), Stage.CrgSignOff, Trigger.RecordSignedOff),
            At(6, d.AddDays(5), Stage.OnHold, Trigger.PutOnHold),
            At(7, d.AddDays(6), Stage.CrgSignOff, Trigger.Resume),
        };

        Assert.Equal(BoardColumn.OnHold, ColumnOn(journal, new DateOnly(2027, 3, 2)));
        Assert.Equal(BoardColumn.AwaitingHomeOffice, ColumnOn(journal, new DateOnly(2027, 3, 3)));
        Assert.Equal(CrgOutcome.CriteriaMet, BoardColumns.PositionOn(journal, new DateOnly(2027, 3, 4))!.Outcome);
        Assert.Equal(BoardColumn.OnHold, ColumnOn(journal, new DateOnly(2027, 3, 6)));
        Assert.True(BoardColumns.PositionOn(journal, new DateOnly(2027, 3, 6))!.SignedOff);
        Assert.Equal(BoardColumn.SignedOffByCrg, ColumnOn(journal, new DateOnly(2027, 3, 7)));
    }

    [Fact]
    public void PositionOn_EntriesOfTheSameTimeGivenOutOfOrder_AreReplayedInTheOrderTheyWereWritten()
    {
        var d = new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        // A CRG outcome that presents and decides in one command: two entries at the same instant.
        var journal = new[]
        {
            At(12, d, Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            At(11, d, Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            At(10, d.AddDays(-3), Stage.NotificationReceived, null),
        };

        var position = BoardColumns.PositionOn(journal, new DateOnly(2027, 3, 1))!;

        Assert.Equal((Stage.DecisionNotified, (CrgOutcome?)CrgOutcome.CriteriaMet), (position.Stage, position.Outcome));
        Assert.Equal(BoardColumn.AwaitingHomeOffice, BoardColumns.For(position));
    }
}
