using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office directs a review after a "criteria not met" decision (Date: the direction's date, from which the
/// review's clocks run). A challenge of the direction is recorded as a legal challenge (Workflows/Reviews/LegalChallenges.cs),
/// from which alone "under challenge" follows.
public sealed record RecordHomeOfficeDirectionArgs : HomeOfficeResponseArgs
{
    public override Trigger Trigger => Trigger.RecordHomeOfficeDirection;
}
