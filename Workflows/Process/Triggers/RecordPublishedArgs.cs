using Domain.Submissions;
using Domain.Workflow;

namespace Workflows.Process;

/// The report was published (Date: the day it was published) at a web address.
public sealed record RecordPublishedArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.RecordPublished;

    /// The address of the published report: https only, by the same rule as the publish form and the links list.
    public string? PublicationLink { get; init; }

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (SubmissionRules.CheckLink(PublicationLink, nameof(PublicationLink)) is { } error)
        {
            add(error.Field!, error.Message);
        }
    }
}
