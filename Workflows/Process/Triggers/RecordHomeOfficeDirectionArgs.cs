using Domain.Workflow;

namespace Workflows.Process;

/// The Home Office directs a review after a "criteria not met" decision (Date: the direction's date, from which the
/// review's clocks run).
public sealed record RecordHomeOfficeDirectionArgs : HomeOfficeResponseArgs
{
    public override Trigger Trigger => Trigger.RecordHomeOfficeDirection;

    /// The CSP challenges the direction ("directed, under challenge").
    public bool UnderChallenge { get; init; }
}
