using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Accounts;

namespace Portal.Features.Admin;

/// Administrators approve or refuse what officers asked for and only an administrator may grant (issue 13): agency
/// contact accounts. The handlers check the role and the request's state again; a request someone else decided
/// meanwhile is reported and the list reloads.
public partial class ApprovalsPage
{
    private const string ReasonField = "Reason";
    private static readonly string[] Fields = [ReasonField];

    private AgencyContactRequestsView? view;
    private AgencyContactRequestRow? refusing;
    private string? reason;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    [Inject]
    private AgencyContactRequestsQuery Query { get; set; } = default!;

    [Inject]
    private DecideAgencyContactRequestHandler Decide { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor);
        view = result.IsSuccess ? result.Value : null;
        if (!result.IsSuccess)
        {
            errors.Show(result.Error);
        }
    }

    private async Task ApproveAsync(AgencyContactRequestRow row)
    {
        StopRefusing();
        var offices = row.Offices.Count == 0 ? "No office works with the agency yet, so no office can choose them until an administrator adds one."
            : $"{string.Join(", ", row.Offices)} can then choose them, and they see what those offices address to them.";
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = $"Approve {row.DisplayName} as an agency contact of {row.Agency}?",
                Message = $"An account is created for {row.Email} and emailed an invitation to set a password. {offices}",
                YesText = "Approve",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        // Reloaded either way: a request someone else decided meanwhile leaves the list.
        await Run.RunAsync(actor => Decide.ApproveAsync(actor, row.Id, row.Version), $"{row.DisplayName} approved: their invitation is on its way.");
        await LoadAsync();
    }

    private void StartRefusing(AgencyContactRequestRow row)
    {
        (refusing, reason) = (row, null);
        errors.Clear();
    }

    private void StopRefusing()
    {
        (refusing, reason) = (null, null);
        errors.Clear();
    }

    private async Task RefuseAsync()
    {
        if (refusing is not { } row)
        {
            return;
        }

        var refused = await Run.RunAsync(actor => Decide.RefuseAsync(actor, row.Id, row.Version, reason),
            $"The request for {row.DisplayName} was refused; the officer who asked is told why.");
        // A reason to correct keeps the form open with what was typed; anything else (decided meanwhile) reloads the list.
        if (refused || !errors.Has(ReasonField))
        {
            (refusing, reason) = (null, null);
            await LoadAsync();
        }
    }
}
