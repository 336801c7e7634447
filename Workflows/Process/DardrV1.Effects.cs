using Domain.Authors;
using Domain.Reviews;
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

    public override void Apply(CaseChanges c, Trigger trigger, Stage from, TriggerArgs args)
    {
        var r = c.Review;
        var on = args.Date ?? c.Today;
        switch (trigger)
        {
            case Trigger.PresentToCrg:
                r.CrgFirstPresentedOn ??= on;
                c.CloseItems(WorkItemKind.PresentToCrg);
                OpenWithClock(c, WorkItemKind.RecordCrgDecision, "Record the CRG's decision", ClockKind.Decision);
                break;

            case Trigger.RecordMoreInformationNeeded:
                c.Note("The case stays on the CRG's agenda until the information is available.");
                break;

            case Trigger.RecordCriteriaMet or Trigger.RecordCriteriaNotMet:
                r.CrgOutcome = trigger == Trigger.RecordCriteriaMet ? CrgOutcome.CriteriaMet : CrgOutcome.CriteriaNotMet;
                r.IsAlternativeReview |= args.AlternativeReview;
                r.DecidedOn = on;
                c.CompleteClock(ClockKind.Decision, on);
                c.CloseItems(WorkItemKind.RecordCrgDecision);
                var notify = c.StartClock(ClockKind.HomeOfficeNotification, on, c.Deadlines.HomeOfficeNotificationDue(on, c.Calendar));
                c.OpenItem(WorkItemKind.NotifyHomeOffice, "Notify the Home Office of the decision", notify.DueDate, notify);
                if (r.CrgOutcome == CrgOutcome.CriteriaMet || r.IsAlternativeReview)
                {
                    StartReviewClocks(c, on);
                }

                break;

            case Trigger.RecordHomeOfficeNotified:
                r.HomeOfficeNotifiedOn = on;
                c.CompleteClock(ClockKind.HomeOfficeNotification, on);
                c.CloseItems(WorkItemKind.NotifyHomeOffice);
                c.OpenItem(WorkItemKind.RecordHomeOfficeResponse, "Record the Home Office's response");
                break;

            case Trigger.RecordHomeOfficeAcknowledged:
                c.CloseItems(WorkItemKind.RecordHomeOfficeResponse);
                OpenAppointAuthor(c);
                break;

            case Trigger.RecordHomeOfficeDirection:
                // The direction is the decision that starts the review's clocks.
                r.HomeOfficeDirected = true;
                r.UnderChallenge = args.UnderChallenge;
                r.DecidedOn = on;
                c.CloseItems(WorkItemKind.RecordHomeOfficeResponse);
                StartReviewClocks(c, on);
                if (args.UnderChallenge)
                {
                    c.Note("Directed, under challenge.");
                }

                OpenAppointAuthor(c);
                break;

            case Trigger.AppointAuthor:
                string? second = null;
                if (args.AuthorUserId is null)
                {
                    // Only the import path fires this without an account: the appointment happened before the portal.
                    r.ChairAuthorAppointedBeforeImportOn = on;
                }
                else
                {
                    second = string.IsNullOrWhiteSpace(args.SecondAuthorUserId) ? null : args.SecondAuthorUserId;
                    c.Appoint(args.AuthorUserId, second is null ? AppointmentRole.ChairAndAuthor : AppointmentRole.Chair, args.FeePence ?? 0, on, args.ExpressionOfInterestId);
                    if (second is not null)
                    {
                        c.Appoint(second, AppointmentRole.Author, args.SecondFeePence ?? 0, on, args.ExpressionOfInterestId);
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

            case Trigger.SubmitForSignOff:
                c.CloseItems(WorkItemKind.CompleteReview);
                OpenWithClock(c, WorkItemKind.RecordSignOff, "Record the CRG's sign-off of the final report", ClockKind.Completion);
                break;

            case Trigger.RecordSignedOff:
                r.SignedOffOn = on;
                c.CompleteClock(ClockKind.Completion, on);
                c.CloseItems(WorkItemKind.RecordSignOff);
                c.OpenItem(WorkItemKind.SubmitToHomeOffice, "Submit the report to the Home Office (copy to the Domestic Abuse Commissioner)");
                break;

            case Trigger.RecordAmendmentsRequired:
                c.CloseItems(WorkItemKind.RecordSignOff);
                OpenWithClock(c, WorkItemKind.CompleteReview, "Make the CRG's amendments and submit the report for sign-off again", ClockKind.Completion);
                break;

            case Trigger.SubmitToHomeOffice:
                r.SubmittedOn = on;
                r.QaOutcome = null;
                c.CloseItems(WorkItemKind.SubmitToHomeOffice);
                var chase = c.StartClock(ClockKind.QaChase, on, c.Deadlines.QaChase(on));
                c.OpenItem(WorkItemKind.RecordQaOutcome, "Record the Home Office's quality assurance outcome", clock: chase, followUp: chase.DueDate);
                break;

            case Trigger.RecordQaApproved or Trigger.RecordQaApprovedSubjectToAmendments or Trigger.RecordQaResubmit:
                r.QaOutcome = trigger switch
                {
                    Trigger.RecordQaApproved => QaOutcome.Approved,
                    Trigger.RecordQaApprovedSubjectToAmendments => QaOutcome.ApprovedSubjectToAmendments,
                    _ => QaOutcome.Resubmit,
                };
                c.CompleteClock(ClockKind.QaChase, on);
                c.CloseItems(WorkItemKind.RecordQaOutcome, WorkItemKind.ChaseQaOutcome);
                if (trigger == Trigger.RecordQaApprovedSubjectToAmendments)
                {
                    c.OpenItem(WorkItemKind.MakeQaAmendments, "Make the amendments the Home Office asked for");
                }
                else if (trigger == Trigger.RecordQaResubmit)
                {
                    r.SignedOffOn = null;
                    c.OpenItem(WorkItemKind.CompleteReview, "Amend the report for resubmission and submit it for CRG sign-off");
                }
                else
                {
                    OpenPublish(c);
                }

                break;

            case Trigger.RecordAmendmentsMade:
                c.CloseItems(WorkItemKind.MakeQaAmendments);
                OpenPublish(c);
                break;

            case Trigger.RecordPublished:
                r.PublishedOn = on;
                r.PublicationLink = args.PublicationLink!.Trim();
                c.CloseItems(WorkItemKind.Publish);
                c.OpenItem(WorkItemKind.MonitorActionPlan, "Monitor the action plan until every action is signed off");
                break;

            case Trigger.CloseWithoutReview or Trigger.CloseReview:
                r.ClosedOn = on;
                c.CloseEverything();
                break;

            case Trigger.PutOnHold:
                r.HeldFromStage = from;
                r.HoldReason = args.HoldReason;
                r.HeldSince = c.Today;
                r.HoldExpectedReviewDate = args.ExpectedReviewDate;
                c.PauseClocksForHold();
                c.OpenItem(WorkItemKind.ReviewHold, "Review the hold", args.ExpectedReviewDate);
                break;

            case Trigger.ReviewHold:
                r.HoldReason = args.HoldReason ?? r.HoldReason;
                r.HoldExpectedReviewDate = args.ExpectedReviewDate;
                c.CloseItems(WorkItemKind.ReviewHold);
                c.OpenItem(WorkItemKind.ReviewHold, "Review the hold", args.ExpectedReviewDate);
                break;

            case Trigger.Resume:
                c.Note($"Resumed after {c.Today.DayNumber - r.HeldSince!.Value.DayNumber} days on hold.");
                c.ResumeClocksAfterHold();
                c.CloseItems(WorkItemKind.ReviewHold);
                r.HeldFromStage = null;
                r.HoldReason = null;
                r.HeldSince = null;
                r.HoldExpectedReviewDate = null;
                break;

            default:
                throw new InvalidOperationException($"dardr v1 has no effects for {trigger}.");
        }
    }

    /// Appointment (decision + 1 month) and completion (decision + 6 months) run from the decision to hold a review.
    private static void StartReviewClocks(CaseChanges c, DateOnly decided)
    {
        c.StartClock(ClockKind.Appointment, decided, c.Deadlines.AppointmentDue(decided));
        c.StartClock(ClockKind.Completion, decided, c.Deadlines.CompletionDue(decided));
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
