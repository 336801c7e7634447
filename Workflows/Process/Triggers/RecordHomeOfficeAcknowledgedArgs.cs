using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office acknowledged a decision to hold a review (criteria met, or an alternative review).
public sealed record RecordHomeOfficeAcknowledgedArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordHomeOfficeAcknowledged;
}
