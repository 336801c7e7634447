using Domain.Access;
using Domain.Profiles;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Profiles;

namespace Portal.Features.Profiles;

public partial class ProfileFieldsAdminPage
{
    private static readonly string[] Fields = ["Label", "Choices"];

    private IReadOnlyList<ProfileFieldRow> fields = [];
    private string? error;
    private string? newLabel;
    private ProfileFieldKind newKind = ProfileFieldKind.Choice;
    private string? newChoices;
    private int? changingId;
    private string? changeLabel;
    private string? changeChoices;

    [Inject]
    private ProfileFieldAdminHandler Handler { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private CommandRunner Add { get; set; } = null!;

    [Inject]
    private CommandRunner Change { get; set; } = null!;

    [Inject]
    private CommandRunner Activate { get; set; } = null!;

    public static string Describe(ProfileFieldKind kind) => kind switch
    {
        ProfileFieldKind.Choice => "One answer from a list",
        ProfileFieldKind.SeveralChoices => "Any answers from a list",
        ProfileFieldKind.Number => "A whole number",
        ProfileFieldKind.YesNo => "Yes or no",
        _ => "A short text",
    };

    private static bool HasChoices(ProfileFieldKind kind) => kind is ProfileFieldKind.Choice or ProfileFieldKind.SeveralChoices;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Handler.ListAsync(Actor);
        if (result.IsSuccess)
        {
            fields = result.Value;
        }
        else
        {
            error = result.Error!.Message;
        }
    }

    private async Task AddAsync() => await Add.RunAsync(actor => Handler.AddAsync(actor, newLabel, newKind, HasChoices(newKind) ? newChoices : null),
        "Field added.", () =>
        {
            newLabel = null;
            newChoices = null;
            return LoadAsync();
        });

    private void StartChange(ProfileField f)
    {
        changingId = f.Id;
        changeLabel = f.Label;
        changeChoices = null;
        Change.Errors.Clear();
    }

    private async Task ChangeAsync(int id) => await Change.RunAsync(actor => Handler.ChangeAsync(actor, id, changeLabel, changeChoices), "Field saved.", () =>
    {
        changingId = null;
        return LoadAsync();
    });

    private async Task SetActiveAsync(ProfileFieldRow row, bool active)
    {
        if (!active && await Dialogs.ShowMessageBoxAsync("Deactivate field",
                $"Stop asking \"{row.Field.Label}\"? The {row.ReviewCount} reviews that answered it keep their answer.", yesText: "Deactivate", cancelText: "Cancel") != true)
        {
            return;
        }

        await Activate.RunAsync(actor => Handler.SetActiveAsync(actor, row.Field.Id, active), then: LoadAsync);
    }
}
