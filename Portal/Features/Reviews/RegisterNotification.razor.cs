using Domain;
using Domain.Access;
using Domain.Reviews;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Reviews;

namespace Portal.Features.Reviews;

public partial class RegisterNotification
{
    private readonly NotificationForm model = new();
    private MudForm form = null!;
    private RegistrationOptions? options;
    private string? suggestedLabel;

    [Inject]
    private ReviewLookups Lookups { get; set; } = null!;

    [Inject]
    private RegisterNotificationHandler Handler { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnInitializedAsync()
    {
        options = await Lookups.RegistrationOptionsAsync(Actor);
        model.Type = options.DefaultType;
        model.CaseLabel = suggestedLabel = options.SuggestedLabel;
        if (options.LeadCsps.Count == 1)
        {
            model.LeadCspId = options.LeadCsps[0].Id;
        }
    }

    /// The label follows the year of notification unless the officer has typed their own.
    private async Task OnDateNotifiedChanged(DateTime? date)
    {
        model.DateNotified = date;
        if (date is { } d && model.CaseLabel == suggestedLabel)
        {
            model.CaseLabel = suggestedLabel = await Lookups.SuggestLabelAsync(d.Year);
        }
    }

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid)
        {
            errors.Show(new Error("Some answers are missing or not valid: see the messages beside the fields."));
            return;
        }

        // The review's page confirms it: a message that vanished with the page it was shown on went unseen.
        await Run.RunAsync(actor => Handler.HandleAsync(actor, model.ToNotification()), _ => null, registered =>
        {
            Navigation.NavigateTo($"reviews/{registered.Id}?registered=true");
            return Task.CompletedTask;
        });
    }
}
