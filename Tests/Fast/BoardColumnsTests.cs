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
    [InlineData(Stage.DecisionNotified, CrgOutcome.CriteriaNotMet, false, BoardColumn.ReferralAwaitingDecision)]
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

    [Fact]
    public void For_EveryStage_IsMapped_OrDeliberatelyLeftOut()
    {
        var leftOut = Enum.GetValues<Stage>().Where(s => BoardColumns.For(new BoardPosition(s, CrgOutcome.CriteriaMet, true)) is null).ToList();
        Assert.Equal([Stage.Publication, Stage.ActionPlanMonitoring, Stage.Closed], leftOut);
    }

    [Fact]
    public void PositionOn_ReplaysTheJournalUpToTheEndOfTheLondonDay()
    {
        JournalEntry E(int id, int month, int day, int hourUtc, Stage to, Trigger? trigger) => new()
        {
            Id = id, ReviewId = 1, AtUtc = new DateTime(2026, month, day, hourUtc, 0, 0, DateTimeKind.Utc), ToStage = to, Trigger = trigger, DefinitionId = "dardr",
        };
        var journal = new[]
        {
            E(1, 6, 1, 9, Stage.NotificationReceived, null),
            E(2, 6, 3, 9, Stage.AwaitingCrgDecision, Trigger.PresentToCrg),
            // 23:30 UTC on 9 June is 00:30 on 10 June in London (BST).
            E(3, 6, 9, 23, Stage.DecisionNotified, Trigger.RecordCriteriaMet),
            E(4, 7, 1, 9, Stage.CrgSignOff, Trigger.SubmitForSignOff),
            E(5, 7, 2, 9, Stage.CrgSignOff, Trigger.RecordSignedOff),
        };
        Assert.Null(BoardColumns.PositionOn(journal, new DateOnly(2026, 5, 31)));
        Assert.Equal(BoardColumn.ReferralAwaitingDecision, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 6, 9))!));
        Assert.Equal(BoardColumn.AwaitingHomeOffice, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 6, 10))!));
        Assert.Equal(BoardColumn.PanelOrReportWriting, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 7, 1))!));
        Assert.Equal(BoardColumn.SignedOffByCrg, BoardColumns.For(BoardColumns.PositionOn(journal, new DateOnly(2026, 7, 2))!));
    }
}
