using Domain.Workflow;

namespace Workflows.Process;

/// QA asked for the report to be amended and resubmitted; the comment says why (Date: the outcome's date).
public sealed record RecordQaResubmitArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordQaResubmit;

    protected override string CommentNeeded => "Say why the Home Office asked for the report to be resubmitted.";
}
