using Domain.Workflow;

namespace Workflows.Process;

/// The report was submitted to the Home Office (Date: the day it was submitted).
public sealed record SubmitToHomeOfficeArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.SubmitToHomeOffice;
}
