using Domain.Access;
using Domain.Themes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Themes;

namespace Portal.Features.Themes;

public partial class ThemesAdminPage
{
    private IReadOnlyList<ThemeRow> themes = [];
    private string? error;
    private string? newName;
    private ThemeGroup newGroup = ThemeGroup.Abuse;
    private int? renamingId;
    private string? renameText;

    [Inject]
    private ThemeAdminHandler Handler { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private CommandRunner Add { get; set; } = null!;

    [Inject]
    private CommandRunner Rename { get; set; } = null!;

    [Inject]
    private CommandRunner Activate { get; set; } = null!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Handler.ListAsync(Actor);
        if (result.IsSuccess)
        {
            themes = result.Value;
        }
        else
        {
            error = result.Error!.Message;
        }
    }

    private async Task AddAsync() => await Add.RunAsync(actor => Handler.AddAsync(actor, newName, newGroup), then: () =>
    {
        newName = null;
        return LoadAsync();
    });

    private void StartRename(ThemeRow t)
    {
        renamingId = t.Id;
        renameText = t.Name;
        Rename.Errors.Clear();
    }

    private async Task RenameAsync(int id) => await Rename.RunAsync(actor => Handler.RenameAsync(actor, id, renameText), then: () =>
    {
        renamingId = null;
        return LoadAsync();
    });

    private async Task SetActiveAsync(ThemeRow t, bool active)
    {
        if (!active && await Dialogs.ShowMessageBoxAsync("Deactivate theme",
                $"Stop offering \"{t.Name}\"? The {t.ReviewCount} reviews tagged with it keep it.", yesText: "Deactivate", cancelText: "Cancel") != true)
        {
            return;
        }

        await Activate.RunAsync(actor => Handler.SetActiveAsync(actor, t.Id, active), then: LoadAsync);
    }
}
