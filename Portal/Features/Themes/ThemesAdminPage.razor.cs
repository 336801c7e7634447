using Domain.Themes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Themes;

namespace Portal.Features.Themes;

public partial class ThemesAdminPage
{
    private IReadOnlyList<ThemeRow> themes = [];
    private string? error;
    private string? newName;
    private ThemeGroup newGroup = ThemeGroup.Abuse;
    private string? addError;
    private int? renamingId;
    private string? renameText;
    private string? renameError;

    [Inject]
    private ThemeAdminHandler Handler { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Handler.ListAsync(await Actors.GetAsync());
        if (result.IsSuccess)
        {
            themes = result.Value;
        }
        else
        {
            error = result.Error!.Message;
        }
    }

    private async Task AddAsync()
    {
        var result = await Handler.AddAsync(await Actors.GetAsync(), newName, newGroup);
        addError = result.IsSuccess ? null : FirstMessage(result.Error!);
        if (result.IsSuccess)
        {
            newName = null;
            await LoadAsync();
        }
    }

    private void StartRename(ThemeRow t)
    {
        renamingId = t.Id;
        renameText = t.Name;
        renameError = null;
    }

    private async Task RenameAsync(int id)
    {
        var result = await Handler.RenameAsync(await Actors.GetAsync(), id, renameText);
        renameError = result.IsSuccess ? null : FirstMessage(result.Error!);
        if (result.IsSuccess)
        {
            renamingId = null;
            await LoadAsync();
        }
    }

    private async Task SetActiveAsync(ThemeRow t, bool active)
    {
        if (!active && await Dialogs.ShowMessageBoxAsync("Deactivate theme",
                $"Stop offering \"{t.Name}\"? The {t.ReviewCount} reviews tagged with it keep it.", yesText: "Deactivate", cancelText: "Cancel") != true)
        {
            return;
        }

        await Handler.SetActiveAsync(await Actors.GetAsync(), t.Id, active);
        await LoadAsync();
    }

    private static string FirstMessage(Domain.Error e) => e is Domain.ValidationFailed v ? v.Errors[0].Message : e.Message;
}
