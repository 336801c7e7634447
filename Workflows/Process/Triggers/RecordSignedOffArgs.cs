using Domain.Workflow;

namespace Workflows.Process;

/// The CRG signed off the final report (Date: the day it signed off).
public sealed record RecordSignedOffArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordSignedOff;
}
