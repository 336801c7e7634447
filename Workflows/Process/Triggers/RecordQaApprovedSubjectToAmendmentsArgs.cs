using Domain.Workflow;

namespace Workflows.Process;

/// QA approved the report subject to amendments, which the comment lists (Date: the outcome's date).
public sealed record RecordQaApprovedSubjectToAmendmentsArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordQaApprovedSubjectToAmendments;

    protected override string CommentNeeded => "List the amendments the Home Office asked for.";
}
