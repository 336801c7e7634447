using Domain.Workflow;

namespace Workflows.Process;

/// The CRG sent the report back for amendments; the comment says what to change.
public sealed record RecordAmendmentsRequiredArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordAmendmentsRequired;

    protected override string CommentNeeded => "Say what the CRG asked to change.";
}
