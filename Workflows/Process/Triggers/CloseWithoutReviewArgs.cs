using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office accepted the CRG's "criteria not met": the case closes without a review (Date: closed).
public sealed record CloseWithoutReviewArgs : HomeOfficeResponseArgs
{
    public override Trigger Trigger => Trigger.CloseWithoutReview;
}
