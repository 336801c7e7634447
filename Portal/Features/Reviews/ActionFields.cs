using Domain.Workflow;

namespace Portal.Features.Reviews;

/// Which fields a trigger's form asks for, and how each is worded. The trigger's arguments type decides what is
/// required; this only decides what is shown (a field the trigger ignores is not asked for). Appointing has a page
/// of its own (commissioning), so it has no fields here.
public sealed record ActionFields(
    string? DateLabel = null,
    string CommentLabel = "Comment (optional)",
    bool CommentRequired = false,
    bool AlternativeReview = false,
    bool UnderChallenge = false,
    bool HoldReason = false,
    bool ExpectedReviewDate = false,
    bool PublicationLink = false)
{
    private const string Rationale = "The CRG's rationale";

    public static ActionFields For(Trigger trigger) => trigger switch
    {
        Trigger.PresentToCrg => new("Date presented to the CRG"),
        Trigger.RecordCriteriaMet => new("Date of the decision", Rationale, CommentRequired: true),
        Trigger.RecordCriteriaNotMet => new("Date of the decision", Rationale, CommentRequired: true, AlternativeReview: true),
        Trigger.RecordMoreInformationNeeded => new(CommentLabel: "What information the CRG needs", CommentRequired: true),
        Trigger.RecordHomeOfficeNotified => new("Date the Home Office was notified"),
        Trigger.RecordHomeOfficeAcknowledged => new(),
        Trigger.RecordHomeOfficeDirection => new("Date of the direction", UnderChallenge: true),
        Trigger.CloseWithoutReview or Trigger.CloseReview => new("Date closed"),
        Trigger.RecordSignedOff => new("Date signed off"),
        Trigger.RecordAmendmentsRequired => new(CommentLabel: "What the CRG asked to change", CommentRequired: true),
        Trigger.SubmitToHomeOffice => new("Date submitted"),
        Trigger.RecordQaApproved => new("Date of the outcome"),
        Trigger.RecordQaApprovedSubjectToAmendments => new("Date of the outcome", "The amendments the Home Office asked for", CommentRequired: true),
        Trigger.RecordQaResubmit => new("Date of the outcome", "Why the Home Office asked for resubmission", CommentRequired: true),
        Trigger.RecordPublished => new("Date published", PublicationLink: true),
        Trigger.PutOnHold => new(CommentLabel: "Details of the reason (required for \"Other\")", HoldReason: true, ExpectedReviewDate: true),
        Trigger.ReviewHold => new(HoldReason: true, ExpectedReviewDate: true),
        _ => new(),
    };
}
