using Domain.Calendar;
using Domain.Authors;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;

namespace Workflows.Process;

/// What each transition of dardr v1 causes: dates recorded on the review, clocks, and the officer's next task.
public sealed partial class DardrV1
{
    public override void Start(CaseChanges c)
    {
        var notified = c.Review.DateNotified;
        var decision = c.StartClock(ClockKind.Decision, notified, c.Deadlines.DecisionDue(notified));
        c.OpenItem(WorkItemKind.PresentToCrg, "Present the case to the CRG", decision.DueDate, decision);
    }

    public override void Apply(CaseChanges c, Stage from, TriggerArgs args)
    {
        var r = c.Review;
        // The day the step happened (Fire gives today when the person gave no date).
        var on = args.Date ?? c.Today;
        switch (args)
        {
            case PresentToCrgArgs:
                r.CrgFirstPresentedOn ??= on;
                c.CloseItems(WorkItemKind.PresentToCrg);
                OpenWithClock(c, WorkItemKind.RecordCrgDecision, "Record the CRG's decision", ClockKind.Decision);
                break;

            case RecordMoreInformationNeededArgs:
                c.Note("The case stays on the CRG's agenda until the information is available.");
                break;

            case CrgDecisionArgs:
                r.CrgOutcome = args is RecordCriteriaMetArgs ? CrgOutcome.CriteriaMet : CrgOutcome.CriteriaNotMet;
                r.IsAlternativeReview |= args is RecordCriteriaNotMetArgs { AlternativeReview: true };
                r.DecidedOn = on;
                c.CompleteClock(ClockKind.Decision, on);
                c.CloseItems(WorkItemKind.RecordCrgDecision);
                OpenNotifyHomeOffice(c, on, "Notify the Home Office of the decision");
                if (r.CrgOutcome == CrgOutcome.CriteriaMet || r.IsAlternativeReview)
                {
                    StartReviewClocks(c, on);
                }

                break;

            case ReverseCriteriaNotMetArgs reversal:
                // The new decision is the decision: the Home Office is told of it, and the review's clocks run from it.
                c.Note($"The CRG reversed its decision of {UkDate.Format(r.DecidedOn!.Value)} that the criteria were not met "
                       + $"({StageNames.Describe(reversal.Reason!.Value).ToLowerInvariant()}): the criteria are met.");
                r.CrgOutcome = CrgOutcome.CriteriaMet;
                r.DecidedOn = on;
                r.HomeOfficeNotifiedOn = null;
                r.ClosedOn = null;
                c.CancelItems("Cancelled: the CRG reversed its decision", WorkItemKind.NotifyHomeOffice, WorkItemKind.RecordHomeOfficeResponse);
                OpenNotifyHomeOffice(c, on, "Notify the Home Office of the CRG's new decision");
                StartReviewClocks(c, on);
                break;

            case RecordHomeOfficeNotifiedArgs:
                r.HomeOfficeNotifiedOn = on;
                c.CompleteClock(ClockKind.HomeOfficeNotification, on);
                c.CloseItems(WorkItemKind.NotifyHomeOffice);
                c.OpenItem(WorkItemKind.RecordHomeOfficeResponse, "Record the Home Office's response");
                break;

            case RecordHomeOfficeAcknowledgedArgs:
                c.CloseItems(WorkItemKind.RecordHomeOfficeResponse);
                OpenAppointAuthor(c);
                break;

            case RecordHomeOfficeDirectionArgs:
                // The direction starts the review's clocks; the CRG's decision keeps its date (decision timeliness reads
                // it), and the direction's date is its journal entry's.
                r.HomeOfficeDirected = true;
                c.CloseItems(WorkItemKind.RecordHomeOfficeResponse);
                StartReviewClocks(c, on);
                OpenAppointAuthor(c);
                break;

            case AppointAuthorArgs appoint:
                string? second = null;
                if (appoint.AuthorUserId is null)
                {
                    // Only the import path fires this without an account: the appointment happened before the portal.
                    r.ChairAuthorAppointedBeforeImportOn = on;
                }
                else
                {
                    second = appoint.HasSecondAuthor ? appoint.SecondAuthorUserId : null;
                    c.Appoint(appoint.AuthorUserId, second is null ? AppointmentRole.ChairAndAuthor : AppointmentRole.Chair, appoint.FeePence ?? 0, on,
                        appoint.ExpressionOfInterestId);
                    if (second is not null)
                    {
                        c.Appoint(second, AppointmentRole.Author, appoint.SecondFeePence ?? 0, on, appoint.ExpressionOfInterestId);
                    }
                }

                c.CompleteClock(ClockKind.Appointment, on);
                c.CloseItems(WorkItemKind.AppointAuthor, WorkItemKind.ReplyToExpressionOfInterest);
                c.Note(second is null ? "Chair/author appointed." : "Chair and author appointed.");
                if (from == Stage.Commissioning)
                {
                    OpenWithClock(c, WorkItemKind.CompleteReview, "Complete the review and submit the final report for CRG sign-off", ClockKind.Completion);
                }

                break;

            case SubmitForSignOffArgs:
                c.CloseItems(WorkItemKind.CompleteReview);
                OpenWithClock(c, WorkItemKind.RecordSignOff, "Record the CRG's sign-off of the final report", ClockKind.Completion);
                break;

            case RecordSignedOffArgs:
                r.SignedOffOn = on;
                c.CompleteClock(ClockKind.Completion, on);
                c.CloseItems(WorkItemKind.RecordSignOff);
                c.OpenItem(WorkItemKind.SubmitToHomeOffice, "Submit the report to the Home Office (copy to the Domestic Abuse Commissioner)");
                break;

            case RecordAmendmentsRequiredArgs:
                c.CloseItems(WorkItemKind.RecordSignOff);
                OpenWithClock(c, WorkItemKind.CompleteReview, "Make the CRG's amendments and submit the report for sign-off again", ClockKind.Completion);
                break;

            case RecordAmendmentsAfterSignOffArgs:
                r.SignOffAmendmentsAskedOn = on;
                c.OpenItem(WorkItemKind.MakeSignOffAmendments, "Make the amendments asked for after sign-off, then record that they are made");
                c.Note("Submission to the Home Office waits until they are made.");
                break;

            case RecordSignOffAmendmentsMadeArgs:
                c.Note($"The amendments asked for on {UkDate.Format(r.SignOffAmendmentsAskedOn!.Value)} are made: the report can be submitted.");
                r.SignOffAmendmentsAskedOn = null;
                c.CloseItems(WorkItemKind.MakeSignOffAmendments);
                break;

            case SubmitToHomeOfficeArgs:
                r.SubmittedOn = on;
                r.QaOutcome = null;
                c.CloseItems(WorkItemKind.SubmitToHomeOffice);
                var chase = c.StartClock(ClockKind.QaChase, on, c.Deadlines.QaChase(on));
                c.OpenItem(WorkItemKind.RecordQaOutcome, "Record the Home Office's quality assurance outcome", clock: chase, followUp: chase.DueDate);
                break;

            case RecordQaApprovedArgs or RecordQaApprovedSubjectToAmendmentsArgs or RecordQaResubmitArgs:
                r.QaOutcome = args switch
                {
                    RecordQaApprovedArgs => QaOutcome.Approved,
                    RecordQaApprovedSubjectToAmendmentsArgs => QaOutcome.ApprovedSubjectToAmendments,
                    _ => QaOutcome.Resubmit,
                };
                c.CompleteClock(ClockKind.QaChase, on);
                c.CloseItems(WorkItemKind.RecordQaOutcome, WorkItemKind.ChaseQaOutcome);
                if (args is RecordQaApprovedSubjectToAmendmentsArgs)
                {
                    c.OpenItem(WorkItemKind.MakeQaAmendments, "Make the amendments the Home Office asked for");
                }
                else if (args is RecordQaResubmitArgs)
                {
                    r.SignedOffOn = null;
                    c.OpenItem(WorkItemKind.CompleteReview, "Amend the report for resubmission and submit it for CRG sign-off");
                }
                else
                {
                    OpenPublish(c);
                }

                break;

            case RecordAmendmentsMadeArgs:
                c.CloseItems(WorkItemKind.MakeQaAmendments);
                OpenPublish(c);
                break;

            case RecordPublishedArgs published:
                r.PublishedOn = on;
                r.PublicationLinks.Add(new PublicationLink
                {
                    Url = published.PublicationLink!.Trim(), Label = PublicationLink.FirstLabel, AddedAtUtc = c.NowUtc, AddedByUserId = c.Actor.UserId,
                });
                c.CloseItems(WorkItemKind.Publish);
                c.OpenItem(WorkItemKind.MonitorActionPlan, "Monitor the action plan until every action is signed off");
                break;

            case CloseWithoutReviewArgs or CloseReviewArgs:
                r.ClosedOn = on;
                c.CloseEverything();
                break;

            case StopReviewArgs:
                c.Note($"Stopped with the Home Office's agreement of {UkDate.Format(on)}" + (from == Stage.OnHold ? ", while on hold." : "."));
                r.ClosedOn = on;
                r.HeldFromStage = null;
                r.HoldReason = null;
                r.HeldSince = null;
                r.HoldExpectedReviewDate = null;
                c.CloseEverything();
                break;

            case ReopenReviewArgs:
                var closedFor = on.DayNumber - (r.ClosedOn ?? on).DayNumber;
                c.Note($"Reopened on {UkDate.Format(on)}, {closedFor} {(closedFor == 1 ? "day" : "days")} after it closed: back to \"{StageNames.Describe(r.Stage)}\".");
                r.ClosedOn = null;
                c.RestoreAfterClose(on);
                break;

            case PutOnHoldArgs hold:
                // From the day the hold began (the day the coroner, police or CPS asked), which may be before today.
                r.HeldFromStage = from;
                r.HoldReason = hold.HoldReason;
                r.HeldSince = on;
                r.HoldExpectedReviewDate = hold.ExpectedReviewDate;
                c.PauseClocksForHold(on);
                c.OpenItem(WorkItemKind.ReviewHold, "Review the hold", hold.ExpectedReviewDate);
                break;

            case ReviewHoldArgs hold:
                r.HoldReason = hold.HoldReason ?? r.HoldReason;
                r.HoldExpectedReviewDate = hold.ExpectedReviewDate;
                c.CloseItems(WorkItemKind.ReviewHold);
                c.OpenItem(WorkItemKind.ReviewHold, "Review the hold", hold.ExpectedReviewDate);
                break;

            case ResumeArgs:
                var held = on.DayNumber - r.HeldSince!.Value.DayNumber;
                c.Note($"Resumed on {UkDate.Format(on)} after {held} {(held == 1 ? "day" : "days")} on hold.");
                c.ResumeClocksAfterHold(on);
                c.CloseItems(WorkItemKind.ReviewHold);
                r.HeldFromStage = null;
                r.HoldReason = null;
                r.HeldSince = null;
                r.HoldExpectedReviewDate = null;
                break;

            default:
                throw new InvalidOperationException($"dardr v1 has no effects for {args.Trigger}.");
        }
    }

    /// A reopening ran the closed clocks again with the days closed added; moving its date would mean telling those
    /// people again. The close stays correctable while it is the latest step.
    public override string? CannotCorrectDate(Trigger trigger) => trigger == Trigger.ReopenReview
        ? "The date of a reopening cannot be corrected: close the review and reopen it with the right date, saying why."
        : null;

    /// The steps whose effects reach beyond the review's process: people were told or given access, or another part of
    /// the portal keeps its own record of the step. Each says what to do instead.
    public override string? CannotUndo(Trigger trigger) => trigger switch
    {
        Trigger.AppointAuthor =>
            "Appointing gave the chair/author access to the review and recorded their fee: end the appointment under Commissioning instead.",
        Trigger.SubmitToHomeOffice or Trigger.RecordQaApproved or Trigger.RecordQaApprovedSubjectToAmendments or Trigger.RecordQaResubmit
            or Trigger.RecordAmendmentsMade =>
            "The submission's record (its documents and the Home Office's points) keeps this step: correct its date if that is what is wrong.",
        Trigger.RecordPublished =>
            "The report's address is kept with its other publication links (under Submission): correct the date if that is what is wrong.",
        Trigger.CloseReview or Trigger.CloseWithoutReview or Trigger.StopReview =>
            "Closing withdrew agency requests, panel access and tasks and told the people concerned: reopen the review instead, saying why.",
        Trigger.ReopenReview =>
            "Reopening gave back access and told the people concerned: close or stop the review again instead, saying why.",
        _ => null,
    };

    /// What each step's date fed, moved to the corrected date (see Apply): the date on the review, the clock the step
    /// met, the clocks it started (due dates from the new date) and the days a hold paused them. A step whose date fed
    /// nothing but the journal (e.g. the Home Office's acknowledgement) needs nothing here.
    public override void CorrectDate(CaseChanges c, Trigger trigger, DateOnly from, DateOnly to, DateTime recordedAtUtc)
    {
        var r = c.Review;
        switch (trigger)
        {
            case Trigger.PresentToCrg when r.CrgFirstPresentedOn == from:
                r.CrgFirstPresentedOn = to;
                break;

            case Trigger.RecordCriteriaMet or Trigger.RecordCriteriaNotMet or Trigger.ReverseCriteriaNotMet:
                r.DecidedOn = to;
                c.RedateCompletion(ClockKind.Decision, from, to);
                c.RestartFrom(ClockKind.HomeOfficeNotification, from, to, c.Deadlines.HomeOfficeNotificationDue(to, c.Calendar));
                RestartReviewClocks(c, from, to);
                break;

            case Trigger.RecordHomeOfficeDirection:
                RestartReviewClocks(c, from, to);
                break;

            case Trigger.RecordHomeOfficeNotified:
                r.HomeOfficeNotifiedOn = to;
                c.RedateCompletion(ClockKind.HomeOfficeNotification, from, to);
                break;

            case Trigger.AppointAuthor:
                c.RedateAppointments(from, to);
                r.ChairAuthorAppointedBeforeImportOn = r.ChairAuthorAppointedBeforeImportOn == from ? to : r.ChairAuthorAppointedBeforeImportOn;
                c.RedateCompletion(ClockKind.Appointment, from, to);
                break;

            case Trigger.RecordSignedOff:
                r.SignedOffOn = to;
                c.RedateCompletion(ClockKind.Completion, from, to);
                break;

            case Trigger.RecordAmendmentsAfterSignOff:
                r.SignOffAmendmentsAskedOn = to;
                break;

            case Trigger.SubmitToHomeOffice:
                r.SubmittedOn = to;
                c.RestartFrom(ClockKind.QaChase, from, to, c.Deadlines.QaChase(to));
                break;

            case Trigger.RecordQaApproved or Trigger.RecordQaApprovedSubjectToAmendments or Trigger.RecordQaResubmit:
                c.RedateCompletion(ClockKind.QaChase, from, to);
                break;

            case Trigger.RecordPublished:
                r.PublishedOn = to;
                break;

            case Trigger.CloseReview or Trigger.CloseWithoutReview or Trigger.StopReview:
                r.ClosedOn = to;
                break;

            case Trigger.PutOnHold:
                r.HeldSince = to;
                c.RedatePause(from, to);
                break;

            case Trigger.Resume:
                // Resumed later, the clocks stood still longer: their due dates move by the difference.
                c.ShiftClocksScheduledBy(recordedAtUtc, to.DayNumber - from.DayNumber);
                break;

            case Trigger.ReopenReview:
                throw new InvalidOperationException(CannotCorrectDate(trigger));
        }
    }

    private static void RestartReviewClocks(CaseChanges c, DateOnly from, DateOnly to)
    {
        c.RestartFrom(ClockKind.Appointment, from, to, c.Deadlines.AppointmentDue(to));
        c.RestartFrom(ClockKind.Completion, from, to, c.Deadlines.CompletionDue(to));
    }

    /// Appointment (decision + 1 month) and completion (decision + 6 months) run from the decision to hold a review.
    private static void StartReviewClocks(CaseChanges c, DateOnly decided)
    {
        c.StartClock(ClockKind.Appointment, decided, c.Deadlines.AppointmentDue(decided));
        c.StartClock(ClockKind.Completion, decided, c.Deadlines.CompletionDue(decided));
    }

    /// The Home Office is to be told of a decision within its deadline (decision + 5 working days).
    private static void OpenNotifyHomeOffice(CaseChanges c, DateOnly decided, string title)
    {
        var notify = c.StartClock(ClockKind.HomeOfficeNotification, decided, c.Deadlines.HomeOfficeNotificationDue(decided, c.Calendar));
        c.OpenItem(WorkItemKind.NotifyHomeOffice, title, notify.DueDate, notify);
    }

    private static void OpenWithClock(CaseChanges c, WorkItemKind kind, string title, ClockKind clockKind)
    {
        var clock = c.Clock(clockKind);
        c.OpenItem(kind, title, clock?.DueDate, clock);
    }

    private static void OpenAppointAuthor(CaseChanges c) =>
        OpenWithClock(c, WorkItemKind.AppointAuthor, "Appoint an independent chair/author", ClockKind.Appointment);

    private static void OpenPublish(CaseChanges c) =>
        c.OpenItem(WorkItemKind.Publish, "Agree the publication date with the family and publish the report");
}
