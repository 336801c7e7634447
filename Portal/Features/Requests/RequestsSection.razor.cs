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
    private string? needed;
    private DateTime? periodFrom;
    private DateTime? periodTo;
    private string? terms;

    private static readonly string[] Fields =
    [
        nameof(SendInformationRequests.Type), nameof(SendInformationRequests.ContactUserIds), nameof(SendInformationRequests.DueDate),
        nameof(RequestScope.Needed), nameof(RequestScope.PeriodFrom), nameof(RequestScope.PeriodTo), nameof(RequestScope.TermsOfReference),
    ];

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

    [Inject]
    private Workflows.Time.BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

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

    private static DateOnly? DateOf(DateTime? picked) => picked is DateTime d ? DateOnly.FromDateTime(d) : null;

    private async Task SendAsync() => await Run.RunAsync(
        actor => Send.HandleAsync(actor, new SendInformationRequests(ReviewId, type, chosen.ToList(), DateOf(due),
            new RequestScope(needed, DateOf(periodFrom), DateOf(periodTo), terms))),
        sent => sent.RequestIds.Count == 1 ? "The request was sent." : $"{sent.RequestIds.Count} requests were sent.",
        _ =>
        {
            (type, chosen, due) = (null, [], defaultDue.ToDateTime(TimeOnly.MinValue));
            (needed, periodFrom, periodTo, terms) = (null, null, null, null);
            return LoadAsync();
        });
}
