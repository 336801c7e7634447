using Domain.Workflow;

namespace Workflows.Process;

/// The CRG needs more information before it decides; the case stays on its agenda.
public sealed record RecordMoreInformationNeededArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordMoreInformationNeeded;

    protected override string CommentNeeded => "Say what information the CRG needs.";
}
