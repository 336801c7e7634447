using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office's quality assurance panel approved the report (Date: the outcome's date).
public sealed record RecordQaApprovedArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordQaApproved;
}
