using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Features.Reviews;

/// What a page says after it moved a review on: the same words on the review page, the CRG meeting and the submission.
public static class Recorded
{
    public static string Message(TransitionResult result) =>
        $"Recorded: {TriggerNames.Describe(result.Trigger)}. The review is at \"{StageNames.Describe(result.To)}\".";
}
