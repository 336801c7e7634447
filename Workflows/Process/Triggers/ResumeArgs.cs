using Domain.Workflow;

namespace Workflows.Process;

/// The hold ends: the review returns to the stage it was held from and its clocks run again.
public sealed record ResumeArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.Resume;
}
