using Domain.Workflow;

namespace Workflows.Process;

/// The amendments asked for after sign-off are made (Date: the day they were): the report may be submitted.
public sealed record RecordSignOffAmendmentsMadeArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordSignOffAmendmentsMade;
}
