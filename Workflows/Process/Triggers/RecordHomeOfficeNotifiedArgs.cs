using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office was told of the CRG's decision (Date: the day it was told).
public sealed record RecordHomeOfficeNotifiedArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordHomeOfficeNotified;
}
