using Domain.Reviews;
using Domain.Workflow;

namespace Domain.Reports;

/// The stages of a review as the board sees them in its "Reviews in progress" report (one column each).
public enum BoardColumn
{
    ReferralAwaitingDecision,
    OnHold,
    AwaitingHomeOffice,
    Commissioning,
    PanelOrReportWriting,
    SignedOffByCrg,
    WithHomeOffice,
}

/// What kind of review a board counts: full reviews and alternative (learning) reviews are totalled apart; a "criteria
/// not met" decision awaiting the Home Office's view is neither yet.
public enum BoardReviewKind
{
    Full,
    Alternative,
    CriteriaNotMet,
}

/// Where a review stood on a date, replayed from its journal (so a report for an earlier date shows that date's picture).
/// SentToHomeOffice: the report had reached the Home Office by then (once sent, it stays sent through a resubmission);
/// SentOn is the date of the first submission when its day was recorded. Stopped: its latest step stopped it.
public sealed record BoardPosition(Stage Stage, CrgOutcome? Outcome, bool SignedOff)
{
    public bool SentToHomeOffice { get; init; }

    public DateOnly? SentOn { get; init; }

    public bool Published { get; init; }

    public bool Stopped { get; init; }
}

public static class BoardColumns
{
    public static IReadOnlyList<BoardColumn> All { get; } = Enum.GetValues<BoardColumn>();

    public static string Describe(BoardColumn column) => column switch
    {
        BoardColumn.ReferralAwaitingDecision => "Referral awaiting decision",
        BoardColumn.OnHold => "On hold",
        BoardColumn.AwaitingHomeOffice => "Criteria met, awaiting the Home Office",
        BoardColumn.Commissioning => "Out for commissioning of an independent author",
        BoardColumn.PanelOrReportWriting => "Panel meeting or report being written",
        BoardColumn.SignedOffByCrg => "Signed off by the CRG",
        BoardColumn.WithHomeOffice => "With the Home Office awaiting outcome",
        _ => column.ToString(),
    };

    /// The one place that maps engine stages to the board's columns. Null: the review is not "in progress" for the
    /// board (QA approved and awaiting publication, published, closed).
    public static BoardColumn? For(BoardPosition position) => position.Stage switch
    {
        Stage.NotificationReceived or Stage.AwaitingCrgDecision => BoardColumn.ReferralAwaitingDecision,
        Stage.OnHold => BoardColumn.OnHold,
        // The CRG's decision is their decision, whatever it was: the case waits for the Home Office (KindOf says which kind).
        Stage.DecisionNotified => BoardColumn.AwaitingHomeOffice,
        Stage.Commissioning => BoardColumn.Commissioning,
        Stage.PanelAndReport => BoardColumn.PanelOrReportWriting,
        // Submitted for sign-off but not yet signed off: the report is still being finished.
        Stage.CrgSignOff => position.SignedOff ? BoardColumn.SignedOffByCrg : BoardColumn.PanelOrReportWriting,
        // Approved subject to amendments: QA is not finished until the Home Office accepts them.
        Stage.Submitted or Stage.QaAmendments => BoardColumn.WithHomeOffice,
        _ => null,
    };

    /// An alternative review (the CRG's choice instead of a full review, or so registered) stays one until the Home Office
    /// directs a full review; a plain "criteria not met" is neither until the Home Office answers.
    public static BoardReviewKind KindOf(BoardPosition position, bool alternativeReview) => position.Outcome switch
    {
        CrgOutcome.CriteriaMet => BoardReviewKind.Full,
        _ when alternativeReview => BoardReviewKind.Alternative,
        CrgOutcome.CriteriaNotMet => BoardReviewKind.CriteriaNotMet,
        _ => BoardReviewKind.Full,
    };

    /// Words added to a case (or an involvement's stage) of another kind than a full review.
    public static string Suffix(BoardReviewKind kind) => kind switch
    {
        BoardReviewKind.Alternative => " (alternative review)",
        BoardReviewKind.CriteriaNotMet => " (criteria not met)",
        _ => string.Empty,
    };

    /// Replays a review's steps (its start and transitions, by the date each happened, then the order recorded) up to
    /// a date. Null when the review did not exist yet. Other entries (a deadline passing, an appointment ending) do not
    /// move it, and say which stage it was at when they were recorded, which a step dated earlier may have changed.
    public static BoardPosition? PositionOn(IEnumerable<JournalEntry> journal, DateOnly asOf)
    {
        BoardPosition? position = null;
        foreach (var entry in journal.Where(e => e.Kind is JournalKind.Started or JournalKind.Transition).OrderBy(e => e.OccurredOn).ThenBy(e => e.Id))
        {
            if (entry.OccurredOn > asOf)
            {
                break;
            }

            var outcome = entry.Trigger switch
            {
                Trigger.RecordCriteriaMet or Trigger.RecordHomeOfficeDirection or Trigger.ReverseCriteriaNotMet => CrgOutcome.CriteriaMet,
                Trigger.RecordCriteriaNotMet => CrgOutcome.CriteriaNotMet,
                _ => position?.Outcome,
            };
            var signedOff = entry.Trigger switch
            {
                Trigger.RecordSignedOff => true,
                Trigger.RecordAmendmentsRequired or Trigger.RecordQaResubmit => false,
                _ => position?.SignedOff ?? false,
            };
            // A stage past submission counts as sent even without its own step (an import with the submission date unknown).
            var sent = position?.SentToHomeOffice == true || entry.Trigger == Trigger.SubmitToHomeOffice
                || entry.ToStage is Stage.Submitted or Stage.QaAmendments or Stage.Publication or Stage.ActionPlanMonitoring;
            position = new BoardPosition(entry.ToStage, outcome, signedOff)
            {
                SentToHomeOffice = sent,
                SentOn = position?.SentOn ?? (entry.Trigger == Trigger.SubmitToHomeOffice ? entry.KnownDay : null),
                Published = position?.Published == true || entry.Trigger == Trigger.RecordPublished || entry.ToStage == Stage.ActionPlanMonitoring,
                Stopped = entry.Trigger == Trigger.StopReview,
            };
        }

        return position;
    }
}
