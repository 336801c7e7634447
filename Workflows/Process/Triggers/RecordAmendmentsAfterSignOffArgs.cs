using Domain.Workflow;

namespace Workflows.Process;

/// Amendments asked for after the CRG signed off (by the chair, the family, an agency), before submission (Date: the
/// day they were asked for); the comment says what and by whom. Submission waits until they are recorded as made.
public sealed record RecordAmendmentsAfterSignOffArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordAmendmentsAfterSignOff;

    protected override string CommentNeeded => "Say what was asked to change, and by whom.";
}
