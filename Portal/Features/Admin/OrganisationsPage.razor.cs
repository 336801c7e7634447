using Domain.Access;
using Domain.Organisations;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Admin;

namespace Portal.Features.Admin;

public partial class OrganisationsPage
{
    private MudDataGrid<OrganisationRow> grid = default!;
    private string? search;
    private OrganisationKind? kind;
    private bool? active;
    private string? loadError;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private ListOrganisationsQuery List { get; set; } = default!;

    [Inject]
    private SetOrganisationActiveHandler SetActive { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private bool Filtered => !string.IsNullOrWhiteSpace(search) || kind is not null || active is not null;

    private async Task<GridData<OrganisationRow>> LoadAsync(GridState<OrganisationRow> state, CancellationToken ct)
    {
        var result = await List.HandleAsync(Actor, new OrganisationFilter(kind, search, active), state.ToPageRequest(), ct);
        loadError = result.Error?.Message;
        return result.ToGridData();
    }

    private Task SearchAsync(string? value)
    {
        search = value;
        return grid.ReloadFromFirstPageAsync();
    }

    private Task KindAsync(OrganisationKind? value)
    {
        kind = value;
        return grid.ReloadFromFirstPageAsync();
    }

    private Task ActiveAsync(bool? value)
    {
        active = value;
        return grid.ReloadFromFirstPageAsync();
    }

    private Task AddAsync() => OpenDialogAsync(null);

    private Task EditAsync(OrganisationRow row) => OpenDialogAsync(row);

    private async Task OpenDialogAsync(OrganisationRow? row)
    {
        var parameters = new DialogParameters<OrganisationDialog> { { d => d.Row, row } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<OrganisationDialog>(row is null ? "Add an organisation" : "Edit organisation", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: SavedOrganisation saved })
        {
            Snackbar.Add(row is null ? $"{saved.Name} added." : $"{saved.Name} saved.", Severity.Success);
        }

        // Reload after a cancel too: a conflict in the dialog means the row changed meanwhile.
        await grid.ReloadServerData();
    }

    private async Task SetActiveAsync(OrganisationRow row)
    {
        if (row.IsActive && await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = $"Deactivate {row.Name}?",
                Message = DeactivationConsequences(row) + " You can reactivate it later.",
                YesText = "Deactivate",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        await Run.RunAsync(actor => SetActive.HandleAsync(actor, row.Id, row.Version, !row.IsActive), $"{row.Name} {(row.IsActive ? "deactivated" : "reactivated")}.");
        await grid.ReloadServerData();
    }

    private static string DeactivationConsequences(OrganisationRow row) => row.Kind switch
    {
        OrganisationKind.ReviewOffice => $"{AdminFormats.Count(row.MemberCount, "member")} will lose the access it gives straight away, and the "
            + $"{AdminFormats.Count(row.ServedCspCount, "CSP")} it serves will have no active office to run new reviews.",
        OrganisationKind.Agency => $"{AdminFormats.Count(row.MemberCount, "member")} will lose the access it gives straight away, "
            + "and it can no longer be chosen for new notifications.",
        _ => "New reviews can no longer be registered for it; its existing reviews are kept.",
    };
}
