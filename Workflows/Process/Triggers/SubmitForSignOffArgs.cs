using Domain.Workflow;

namespace Workflows.Process;

/// The final report goes to the CRG for sign-off.
public sealed record SubmitForSignOffArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.SubmitForSignOff;
}
