using Domain.Workflow;

namespace Workflows.Process;

/// The case was presented to the CRG (Date: the day it was first presented).
public sealed record PresentToCrgArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.PresentToCrg;
}
