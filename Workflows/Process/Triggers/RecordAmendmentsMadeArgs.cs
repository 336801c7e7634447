using Domain.Workflow;

namespace Workflows.Process;

/// The amendments QA asked for are made (the review's feedback points are all ticked).
public sealed record RecordAmendmentsMadeArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordAmendmentsMade;
}
