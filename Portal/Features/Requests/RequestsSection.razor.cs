using Domain.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Requests;

namespace Portal.Features.Requests;

public partial class RequestsSection
{
    private IReadOnlyList<RequestRow>? rows;
    private IReadOnlyList<ContactChoice>? contacts;
    private readonly ServerErrors errors = new();
    private RequestType? type;
    private IReadOnlyCollection<string> chosen = [];
    private DateTime? due;
    private DateOnly defaultDue;
    private bool sending;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Inject]
    private RequestQueries Queries { get; set; } = null!;

    [Inject]
    private SendInformationRequestsHandler Send { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        defaultDue = Send.DefaultDueDate;
        due ??= defaultDue.ToDateTime(TimeOnly.MinValue);
        var actor = await Actors.GetAsync();
        contacts = await Queries.ContactChoicesAsync(actor, ReviewId);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Queries.ForReviewAsync(await Actors.GetAsync(), ReviewId);
        rows = result.IsSuccess ? result.Value : [];
    }

    private string Describe(string userId) =>
        contacts?.FirstOrDefault(c => c.UserId == userId) is { } c ? $"{c.Agency}: {c.Name}" : string.Empty;

    private async Task SendAsync()
    {
        if (sending)
        {
            return;
        }

        sending = true;
        try
        {
            var result = await Send.HandleAsync(await Actors.GetAsync(), new SendInformationRequests(ReviewId, type, chosen.ToList(),
                due is DateTime d ? DateOnly.FromDateTime(d) : null));
            errors.Show(result.Error);
            if (result.IsSuccess)
            {
                var count = result.Value.RequestIds.Count;
                Snackbar.Add(count == 1 ? "The request was sent." : $"{count} requests were sent.", Severity.Success);
                type = null;
                chosen = [];
                due = defaultDue.ToDateTime(TimeOnly.MinValue);
                await LoadAsync();
            }
        }
        finally
        {
            sending = false;
        }
    }
}
