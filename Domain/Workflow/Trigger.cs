namespace Domain.Workflow;

/// What a person records to move a review on (process dardr v1). The definition decides in which stage each is
/// permitted, who may fire it and which guards apply.
public enum Trigger
{
    PresentToCrg,
    RecordCriteriaMet,
    RecordCriteriaNotMet,
    RecordMoreInformationNeeded,
    RecordHomeOfficeNotified,
    RecordHomeOfficeAcknowledged,
    RecordHomeOfficeDirection,
    CloseWithoutReview,
    AppointAuthor,
    SubmitForSignOff,
    RecordSignedOff,
    RecordAmendmentsRequired,
    SubmitToHomeOffice,
    RecordQaApproved,
    RecordQaApprovedSubjectToAmendments,
    RecordQaResubmit,
    RecordAmendmentsMade,
    RecordPublished,
    CloseReview,
    PutOnHold,
    ReviewHold,
    Resume,
    RecordAmendmentsAfterSignOff,
    RecordSignOffAmendmentsMade,
    ReverseCriteriaNotMet,
    StopReview,
    ReopenReview,
}

public static class TriggerNames
{
    /// The label of the action on the review page.
    public static string Describe(Trigger trigger) => trigger switch
    {
        Trigger.PresentToCrg => "Present to the CRG",
        Trigger.RecordCriteriaMet => "Record decision: criteria met",
        Trigger.RecordCriteriaNotMet => "Record decision: criteria not met",
        Trigger.RecordMoreInformationNeeded => "Record decision: more information needed",
        Trigger.RecordHomeOfficeNotified => "Record that the Home Office was notified",
        Trigger.RecordHomeOfficeAcknowledged => "Record the Home Office's acknowledgement",
        Trigger.RecordHomeOfficeDirection => "Record a Home Office direction to hold a review",
        Trigger.CloseWithoutReview => "Close: the Home Office accepted that no review is needed",
        Trigger.AppointAuthor => "Appoint the chair/author",
        Trigger.SubmitForSignOff => "Submit the final report for CRG sign-off",
        Trigger.RecordSignedOff => "Record CRG sign-off",
        Trigger.RecordAmendmentsRequired => "Record that the CRG requires amendments",
        Trigger.SubmitToHomeOffice => "Record submission to the Home Office",
        Trigger.RecordQaApproved => "Record QA outcome: approved",
        Trigger.RecordQaApprovedSubjectToAmendments => "Record QA outcome: approved subject to amendments",
        Trigger.RecordQaResubmit => "Record QA outcome: amend and resubmit",
        Trigger.RecordAmendmentsMade => "Record that the QA amendments are made",
        Trigger.RecordPublished => "Record publication",
        Trigger.CloseReview => "Close the review",
        Trigger.PutOnHold => "Put on hold",
        Trigger.ReviewHold => "Review the hold",
        Trigger.Resume => "Resume",
        Trigger.RecordAmendmentsAfterSignOff => "Record amendments asked for after sign-off",
        Trigger.RecordSignOffAmendmentsMade => "Record that the amendments asked for after sign-off are made",
        Trigger.ReverseCriteriaNotMet => "Record that the CRG reversed its decision: criteria met",
        Trigger.StopReview => "Stop the review (agreed with the Home Office)",
        Trigger.ReopenReview => "Reopen the review",
        _ => trigger.ToString(),
    };
}
