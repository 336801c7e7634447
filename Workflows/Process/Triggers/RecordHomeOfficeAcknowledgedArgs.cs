using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office acknowledged a decision to hold a review (criteria met, or an alternative review) (Date: the day it
/// acknowledged).
public sealed record RecordHomeOfficeAcknowledgedArgs : HomeOfficeResponseArgs
{
    public override Trigger Trigger => Trigger.RecordHomeOfficeAcknowledged;
}
