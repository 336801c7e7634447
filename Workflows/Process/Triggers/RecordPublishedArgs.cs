using Domain.Workflow;

namespace Workflows.Process;

/// The report was published (Date: the day it was published) at a web address.
public sealed record RecordPublishedArgs : TriggerArgs
{
    public const int LinkMaxLength = 400;

    public override Trigger Trigger => Trigger.RecordPublished;

    /// The address of the published report (http or https).
    public string? PublicationLink { get; init; }

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (!IsWebAddress(PublicationLink))
        {
            add(nameof(PublicationLink), "Enter the web address of the published report, starting https://.");
        }
    }

    private static bool IsWebAddress(string? link) =>
        link?.Length <= LinkMaxLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
