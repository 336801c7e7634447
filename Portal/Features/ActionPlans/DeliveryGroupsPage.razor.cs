using Domain.Access;
using Domain.Organisations;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.ActionPlans;

namespace Portal.Features.ActionPlans;

/// The register of delivery groups and boards of the manager's office: list, add, rename, stand down (after a
/// confirmation). The handler checks access and the rules and audits refusals.
public partial class DeliveryGroupsPage
{
    private static readonly string[] ChangeFields = [nameof(Organisation.Name), nameof(Organisation.Group)];

    private DeliveryGroupRegisterView? view;
    private string? refused;
    private int officeId;
    private string? name;
    private GroupKind? kind;
    private DeliveryGroupRow? editing;
    private string? editName;
    private GroupKind? editKind;

    [Inject]
    private DeliveryGroupRegister Register { get; set; } = null!;

    [Inject]
    private CommandRunner Add { get; set; } = null!;

    [Inject]
    private CommandRunner Change { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    public static string Kind(GroupKind kind) => kind == GroupKind.Board ? "Board" : "Delivery group";

    protected override async Task OnInitializedAsync()
    {
        // A refusal is audited once per visit: the prerender pass loads nothing.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Register.ListAsync(Actor);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            return;
        }

        view = result.Value;
        if (view.Offices.All(o => o.Id != officeId))
        {
            officeId = view.Offices.Count > 0 ? view.Offices[0].Id : 0;
        }
    }

    private void Edit(DeliveryGroupRow group)
    {
        (editing, editName, editKind) = (group, group.Name, group.Kind);
        Change.Errors.Clear();
    }

    private async Task AddAsync() => await Add.RunAsync(actor => Register.AddAsync(actor, new NewDeliveryGroup(officeId, name, kind)), "Group added.", () =>
    {
        (name, kind) = (null, null);
        return LoadAsync();
    });

    private async Task RenameAsync() => await Change.RunAsync(
        actor => Register.ChangeAsync(actor, new DeliveryGroupChange(editing!.Id, editing.Version, editName, editKind)), "Group changed.", () =>
        {
            editing = null;
            return LoadAsync();
        });

    private async Task StandDownAsync(DeliveryGroupRow group)
    {
        if (await Dialogs.ShowMessageBoxAsync("Stand down the group",
                $"Stand down {group.Name}? It will no longer be offered as an owner of actions; its past actions and their history stay.",
                yesText: "Stand down", cancelText: "Cancel") != true)
        {
            return;
        }

        editing = null;
        await Change.RunAsync(actor => Register.StandDownAsync(actor, group.Id, group.Version), "Group stood down.", LoadAsync);
    }
}
