using Domain.Workflow;

namespace Portal.Features.Reviews;

/// Which fields a trigger's form asks for, and how each is worded. The trigger's arguments type decides what is
/// required; this only decides what is shown (a field the trigger ignores is not asked for). Every step asks for the
/// date it happened (today unless changed): steps are often recorded days later. Appointing has a page of its own
/// (commissioning), so it has no fields here.
public sealed record ActionFields(
    string DateLabel = "Date it happened",
    string CommentLabel = "Comment (optional)",
    bool CommentRequired = false,
    bool AlternativeReview = false,
    bool ChallengeHint = false,
    bool HoldReason = false,
    bool ExpectedReviewDate = false,
    bool PublicationLink = false,
    bool ReversalReason = false)
{
    private const string Rationale = "The CRG's rationale";

    public static ActionFields For(Trigger trigger) => trigger switch
    {
        Trigger.PresentToCrg => new("Date presented to the CRG"),
        Trigger.RecordCriteriaMet => new("Date of the decision", Rationale, CommentRequired: true),
        Trigger.RecordCriteriaNotMet => new("Date of the decision", Rationale, CommentRequired: true, AlternativeReview: true),
        Trigger.RecordMoreInformationNeeded => new("Date of the CRG meeting", "What information the CRG needs", CommentRequired: true),
        Trigger.RecordHomeOfficeNotified => new("Date the Home Office was notified"),
        Trigger.RecordHomeOfficeAcknowledged => new("Date of the acknowledgement"),
        Trigger.RecordHomeOfficeDirection => new("Date of the direction", ChallengeHint: true),
        Trigger.CloseWithoutReview or Trigger.CloseReview => new("Date closed"),
        Trigger.SubmitForSignOff => new("Date submitted for sign-off"),
        Trigger.RecordSignedOff => new("Date signed off"),
        Trigger.RecordAmendmentsRequired => new("Date of the CRG meeting", "What the CRG asked to change", CommentRequired: true),
        Trigger.RecordAmendmentsAfterSignOff => new("Date they were asked for", "What was asked to change, and by whom", CommentRequired: true),
        Trigger.RecordSignOffAmendmentsMade => new("Date the amendments were made"),
        Trigger.ReverseCriteriaNotMet => new("Date of the new decision", "The CRG's rationale for the new decision", CommentRequired: true, ReversalReason: true),
        Trigger.SubmitToHomeOffice => new("Date submitted"),
        Trigger.RecordQaApproved => new("Date of the outcome"),
        Trigger.RecordQaApprovedSubjectToAmendments => new("Date of the outcome", "The amendments the Home Office asked for", CommentRequired: true),
        Trigger.RecordQaResubmit => new("Date of the outcome", "Why the Home Office asked for resubmission", CommentRequired: true),
        Trigger.RecordAmendmentsMade => new("Date the amendments were made"),
        Trigger.RecordPublished => new("Date published", PublicationLink: true),
        Trigger.ReopenReview => new("Date it was reopened", "Why the review is reopened", CommentRequired: true),
        Trigger.StopReview => new("Date the Home Office agreed", "Why the review is stopped, and what the Home Office agreed", CommentRequired: true),
        Trigger.PutOnHold => new("Date the hold began", "Details of the reason (required for \"Other\")", HoldReason: true, ExpectedReviewDate: true),
        Trigger.ReviewHold => new("Date the hold was reviewed", HoldReason: true, ExpectedReviewDate: true),
        Trigger.Resume => new("Date the review resumed"),
        _ => new(),
    };
}
