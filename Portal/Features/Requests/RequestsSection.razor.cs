using Domain.Access;
using Domain.Requests;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Access;
using Workflows.Requests;

namespace Portal.Features.Requests;

public partial class RequestsSection
{
    private IReadOnlyList<RequestRow>? rows;
    private IReadOnlyList<AgencyContact>? contacts;
    private RequestType? type;
    private IReadOnlyCollection<string> chosen = [];
    private DateTime? due;
    private DateOnly defaultDue;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Inject]
    private RequestQueries Queries { get; set; } = null!;

    [Inject]
    private SendInformationRequestsHandler Send { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnParametersSetAsync()
    {
        defaultDue = Send.DefaultDueDate;
        due ??= defaultDue.ToDateTime(TimeOnly.MinValue);
        contacts = await Queries.ContactChoicesAsync(Actor, ReviewId);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Queries.ForReviewAsync(Actor, ReviewId);
        rows = result.IsSuccess ? result.Value : [];
    }

    private string Describe(string userId) =>
        contacts?.FirstOrDefault(c => c.UserId == userId) is { } c ? $"{c.Agency}: {c.Name}" : string.Empty;

    private async Task SendAsync() => await Run.RunAsync(
        actor => Send.HandleAsync(actor, new SendInformationRequests(ReviewId, type, chosen.ToList(), due is DateTime d ? DateOnly.FromDateTime(d) : null)),
        sent => sent.RequestIds.Count == 1 ? "The request was sent." : $"{sent.RequestIds.Count} requests were sent.",
        _ =>
        {
            (type, chosen, due) = (null, [], defaultDue.ToDateTime(TimeOnly.MinValue));
            return LoadAsync();
        });
}
