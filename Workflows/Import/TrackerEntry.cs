using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// One row of the tracker read column by column (TrackerCells): each value as the template means it, null where the
/// cell is empty or was refused (its problem is then on the row's list).
public sealed record TrackerEntry
{
    public required string CaseLabel { get; init; }

    public int? LeadCspId { get; init; }

    public int? NotifyingAgencyId { get; init; }

    public ReviewType? Type { get; init; }

    public (int Year, int Month)? Death { get; init; }

    public required TrackerDates Dates { get; init; }

    /// What the CRG decided (null: a value the import does not take).
    public TrackerOutcome? Outcome { get; init; }

    /// The trigger that records the QA outcome.
    public Trigger? QaOutcome { get; init; }

    public required string PublicationLink { get; init; }

    public Stage? Stage { get; init; }

    public HoldReason? HoldReason { get; init; }

    public bool HasHoldReason { get; init; }

    public string? LatestUpdate { get; init; }

    /// The date the latest update describes, when the sheet gives it.
    public DateOnly? UpdateAsAt { get; init; }

    /// Why the CRG reversed its "criteria not met" decision (with Dates.ReversedOn), null when it did not.
    public DecisionReversalReason? Reversal { get; init; }

    public bool HasReversal { get; init; }

    /// Why the review was stopped with the Home Office's agreement (with Dates.Stopped).
    public string? StopReason { get; init; }

    /// The CRG's first decision: the criteria were not met and no review was to be held (no alternative review either).
    public bool CriteriaNotMet => Outcome == TrackerOutcome.CriteriaNotMet;

    /// A case closed or to be closed without a review: criteria not met, not reversed since.
    public bool WithoutReview => CriteriaNotMet && !HasReversal && Dates.ReversedOn is null;

    public bool IsStopped => Dates.Stopped is not null;
}

/// The CRG outcomes the import takes.
public enum TrackerOutcome
{
    CriteriaMet,
    AlternativeReview,
    CriteriaNotMet,
}

/// One date of the pipeline as the sheet has it: a day, or a month alone (Date is then the month's first day).
public sealed record TrackerDate(string Column, DateOnly? Date, bool MonthOnly = false)
{
    /// The last day it may have happened on: the day itself, or the month's last day.
    public DateOnly? Latest => MonthOnly && Date is DateOnly d ? d.AddMonths(1).AddDays(-1) : Date;

    /// In words, as the messages give it: "3 Mar 2025", or "March 2025" for a month alone.
    public string Describe() => MonthOnly ? UkDate.FormatMonth(Date!.Value) : UkDate.Format(Date!.Value);
}

/// The dates of a row, each the day a step happened (the first presentation to the CRG may be a month alone).
public sealed record TrackerDates(
    DateOnly? Notified, DateOnly? Presented, DateOnly? Decision, DateOnly? HomeOfficeNotified, DateOnly? Appointed, DateOnly? SignedOff,
    DateOnly? Submitted, DateOnly? QaOutcome, DateOnly? Published, DateOnly? Closed, DateOnly? HeldSince, DateOnly? HoldReview, DateOnly? HoldEnded = null)
{
    /// The day of the CRG's new decision, when it reversed its "criteria not met".
    public DateOnly? ReversedOn { get; init; }

    /// The review's first panel meeting.
    public DateOnly? FirstPanel { get; init; }

    /// The day the Home Office agreed to stop the review (it closes then).
    public DateOnly? Stopped { get; init; }

    /// The sheet gives only the month the case was first presented to the CRG (Presented is its first day).
    public bool PresentedMonthOnly { get; init; }

    /// Steps a tracker may leave empty although later ones are filled in: they happened, on a day the office did not
    /// record (the history records them "date not recorded"). The CRG's decision (a "criteria not met" one keeps its date:
    /// TrackerRowRules); the Home Office's notification; a reversal, a panel meeting and a stop (only some reviews have
    /// them); the appointment, the sign-off, the submission and the QA outcome, which the board's day counts then show as
    /// "not recorded". The notification, the first presentation (the month at least: the board groups cases by it), the
    /// publication (with its link) and the closure are needed before any later date.
    private static readonly HashSet<string> Optional = new()
    {
        C.Decision, C.HomeOfficeNotified, C.ReversedOn, C.AuthorAppointed, C.FirstPanel, C.SignedOff, C.Submitted, C.QaDate, C.Stopped,
    };

    /// Days the hold review date may default to, after the day of the import.
    public const int HoldReviewDays = 28;

    /// The pipeline's dates in the order the steps happen: each needs the one before it and none is earlier.
    public IReadOnlyList<TrackerDate> Pipeline =>
    [
        new(C.Notified, Notified), new(C.Presented, Presented, PresentedMonthOnly), new(C.Decision, Decision), new(C.HomeOfficeNotified, HomeOfficeNotified),
        new(C.ReversedOn, ReversedOn), new(C.AuthorAppointed, Appointed), new(C.FirstPanel, FirstPanel), new(C.SignedOff, SignedOff), new(C.Submitted, Submitted),
        new(C.QaDate, QaOutcome), new(C.Published, Published), new(C.Closed, Closed), new(C.Stopped, Stopped),
    ];

    /// The pipeline a case takes: without a review (criteria not met), from the decision straight to its closure.
    public IReadOnlyList<TrackerDate> PipelineFor(bool withoutReview) => withoutReview
        ? Pipeline.Where(c => c.Column is C.Notified or C.Presented or C.Decision or C.HomeOfficeNotified or C.Closed or C.Stopped).ToList()
        : Pipeline;

    /// The step a filled-in date needs before it (null: none): the nearest earlier one a tracker does not leave empty.
    /// The notification and the first presentation need none, nor a stop.
    public static TrackerDate? Needed(IReadOnlyList<TrackerDate> pipeline, int i) =>
        i < 2 || pipeline[i].Column == C.Stopped ? null : pipeline.Take(i).Last(c => !Optional.Contains(c.Column));

    public bool HasHold => HeldSince is not null || HoldReview is not null || HoldEnded is not null;

    /// A hold that began and ended in the past (the review went on afterwards).
    public bool HasEndedHold => HoldEnded is not null;

    /// The last day the row records something happening (a month alone counts from its first day): what its latest
    /// update is taken to be as at.
    public DateOnly Latest => Pipeline.Select(c => c.Date).Append(HeldSince).Append(HoldEnded).Where(d => d is not null).Max()!.Value;

    /// The hold starts on its date in the sheet, or on the day of the import.
    public DateOnly HoldStarts(DateOnly today) => HeldSince ?? today;

    /// The hold is to be looked at again on its date in the sheet; else an ended hold on the day it ended (by a resume or
    /// the review's stop), a current one four weeks after the import.
    public DateOnly HoldReviewBy(DateOnly today) => HoldReview ?? HoldEnded ?? Stopped ?? today.AddDays(HoldReviewDays);
}
