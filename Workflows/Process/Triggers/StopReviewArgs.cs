using Domain.Workflow;

namespace Workflows.Process;

/// The review is stopped (decommissioned) with the Home Office's agreement (Date: the day it agreed); the comment says
/// why. As every close does, it also withdraws the review's open agency requests and panel access and tells those
/// people (IClosingWork); the tracker import (ImportHistory) replays it for a new review, which has none of them.
public sealed record StopReviewArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.StopReview;

    protected override string CommentNeeded => "Say why the review is stopped and what the Home Office agreed.";
}
