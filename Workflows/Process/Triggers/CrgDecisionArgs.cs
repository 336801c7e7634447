using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// The CRG's decision on the criteria (Date: the day it decided; not before the case was first presented). The
/// comment holds the CRG's rationale, which is required.
public abstract record CrgDecisionArgs : TriggerArgs
{
    protected override string CommentNeeded => "Enter the CRG's rationale for its decision.";

    protected override string? DateProblem(Review review, DateOnly date) =>
        date < review.CrgFirstPresentedOn ? "The decision cannot be before the case was first presented to the CRG." : null;
}

/// The CRG decided the criteria for a review are met.
public sealed record RecordCriteriaMetArgs : CrgDecisionArgs
{
    public override Trigger Trigger => Trigger.RecordCriteriaMet;
}

/// The CRG decided the criteria are not met, and may choose an alternative (learning) review instead.
public sealed record RecordCriteriaNotMetArgs : CrgDecisionArgs
{
    public override Trigger Trigger => Trigger.RecordCriteriaNotMet;

    /// The CRG chose an alternative review instead.
    public bool AlternativeReview { get; init; }
}
