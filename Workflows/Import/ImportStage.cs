using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// The stage a row's dates reach, and whether the sheet's current stage (and hold) fits them.
public static class ImportStage
{
    /// The stage the history is replayed to (for a review on hold, the stage it was held from), or null with the
    /// problem added when the sheet's stage does not fit the dates.
    public static Stage? Check(TrackerEntry entry, DateOnly today, RowProblems problems)
    {
        var dates = entry.Dates;
        var reached = Reached(dates, entry.QaOutcome);
        var onHold = entry.Stage == Stage.OnHold;
        // A stopped review is closed (TrackerRowRules) from whichever stage its dates reach.
        if (!onHold && !entry.IsStopped && !Fits(entry.Stage!.Value, reached, entry.QaOutcome))
        {
            problems.Add(C.Stage, $"The stage \"{StageNames.Describe(entry.Stage.Value)}\" does not fit the dates, which reach \"{StageNames.Describe(reached)}\": correct the stage or the dates.");
            return null;
        }

        if (entry.WithoutReview && entry.Stage is not (Stage.DecisionNotified or Stage.Closed or Stage.OnHold or Stage.AwaitingCrgDecision))
        {
            problems.Add(C.Stage, $"The CRG decided the criteria were not met: the case is at \"{StageNames.Describe(Stage.DecisionNotified)}\", or \"Closed\" without a review. A review the Home Office directed is recorded on the review page; a decision the CRG reversed, in \"Decision reversed\" and \"Reversed on\".");
            return null;
        }

        if (onHold && reached == Stage.Closed)
        {
            problems.Add(C.Stage, "A closed review cannot be on hold: correct the stage or the dates.");
            return null;
        }

        // A review stopped while on hold (its hold still running): the stop comes after the hold.
        var last = dates.Pipeline.Where(c => c.Date is not null && c.Column != C.Stopped).Max(c => c.Date!.Value);
        if (!dates.HasEndedHold && dates.HeldSince is DateOnly since && since < last)
        {
            problems.Add(C.HeldSince, $"The hold starts ({UkDate.Format(since)}) before the last date of the review ({UkDate.Format(last)}): check it.");
            return null;
        }

        if (onHold && dates.HoldReviewBy(today) <= dates.HoldStarts(today))
        {
            problems.Add(C.HoldReviewDate, "The hold review date must be after the day the hold started.");
            return null;
        }

        return onHold || entry.IsStopped ? reached : entry.Stage;
    }

    /// The furthest stage the dates in the sheet reach (a first panel meeting: the appointment was made, its date or not).
    private static Stage Reached(TrackerDates d, Trigger? qaOutcome) =>
        d.Closed is not null ? Stage.Closed
        : d.Published is not null ? Stage.ActionPlanMonitoring
        : d.QaOutcome is not null ? (qaOutcome == Trigger.RecordQaApproved ? Stage.Publication : Stage.QaAmendments)
        : d.Submitted is not null ? Stage.Submitted
        : d.SignedOff is not null ? Stage.CrgSignOff
        : d.Appointed is not null || d.FirstPanel is not null ? Stage.PanelAndReport
        : d.Decision is not null || d.ReversedOn is not null ? Stage.DecisionNotified
        : d.Presented is not null ? Stage.AwaitingCrgDecision
        : Stage.NotificationReceived;

    /// The stage the dates reach, or, once presented to the CRG, a later one up to "Publication" through steps the tracker
    /// has no date for (the CRG's decision, the Home Office's notification and acknowledgement, the appointment, the report
    /// sent for sign-off, the sign-off, the submission, the QA outcome as the sheet gives it, the QA amendments made):
    /// ImportHistory records them "date not recorded". A publication and a closure need their dates.
    private static bool Fits(Stage stage, Stage reached, Trigger? qaOutcome) =>
        stage == reached
        || (reached >= Stage.AwaitingCrgDecision && stage > reached && stage <= Stage.Publication
            && (stage != Stage.QaAmendments || qaOutcome == Trigger.RecordQaApprovedSubjectToAmendments));
}
