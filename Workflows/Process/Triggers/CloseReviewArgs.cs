using Domain.Workflow;

namespace Workflows.Process;

/// Every action is signed off: the review closes (Date: closed).
public sealed record CloseReviewArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.CloseReview;
}
