using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Accounts;
using Workflows.Admin;

using Portal.Components.Shared;

namespace Portal.Features.Admin;

public partial class EditUserPage
{
    private const string NameField = nameof(UserChange.DisplayName);
    private static readonly string[] Fields = [NameField, AccessFields.RolesField, AccessFields.OfficesField, AccessFields.AgenciesField];

    private readonly ServerErrors errors = new();
    private MudForm form = default!;
    private AdminChoices? choices;
    private UserDetails? user;
    private string? actorId;
    private string? displayName;
    private AccessForm access = new();
    private bool saving;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    [Inject]
    private CurrentActor Actors { get; set; } = default!;

    [Inject]
    private AdminLookups Lookups { get; set; } = default!;

    [Inject]
    private GetUserHandler GetUser { get; set; } = default!;

    [Inject]
    private ChangeUserHandler Change { get; set; } = default!;

    [Inject]
    private SetUserDisabledHandler SetDisabled { get; set; } = default!;

    [Inject]
    private ResendInvitationHandler ResendInvitation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var lookups = await Lookups.HandleAsync(await Actors.GetAsync());
        choices = lookups.IsSuccess ? lookups.Value : null;
        await LoadAsync();
    }

    /// Loads the account as saved now, replacing what the form shows (after a conflict, the admin asks for this).
    private async Task LoadAsync()
    {
        var actor = await Actors.GetAsync();
        actorId = actor.UserId;
        var result = await GetUser.HandleAsync(actor, Id);
        errors.Show(result.Error);
        user = result.IsSuccess ? result.Value : null;
        if (user is not null)
        {
            (displayName, access) = (user.DisplayName, AccessForm.From(user.Access));
        }
    }

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid || user is null)
        {
            return;
        }

        saving = true;
        var result = await Change.HandleAsync(await Actors.GetAsync(), new UserChange(user.Id, user.ConcurrencyStamp, displayName, access.ToAccess()));
        saving = false;
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            // As saved: a role needing a second administrator shows as asked for, not held.
            await LoadAsync();
            Snackbar.Add(user is { PendingRoles.Count: > 0 }
                ? $"Changes to {user.DisplayName} saved. {string.Join(", ", user.PendingRoles.Order().Select(Roles.Describe))}: awaiting a second administrator's approval."
                : $"Changes to {user?.DisplayName} saved.", Severity.Success);
        }
    }

    private async Task SetDisabledAsync()
    {
        if (user is null)
        {
            return;
        }

        var disable = !user.IsDisabled;
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = disable ? $"Disable {user.DisplayName}?" : $"Enable {user.DisplayName}?",
                Message = disable
                    ? "They will not be able to sign in, and any page they have open stops working within a few minutes. You can enable the account again later."
                    : "They will be able to sign in again with their password.",
                YesText = disable ? "Disable account" : "Enable account",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        var result = await SetDisabled.HandleAsync(await Actors.GetAsync(), user.Id, disable);
        Snackbar.Add(result.IsSuccess ? $"{user.DisplayName} {(disable ? "disabled" : "enabled")}." : result.Error!.Message,
            result.IsSuccess ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private async Task ResendInvitationAsync()
    {
        if (user is null || await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = "Send the invitation again?",
                Message = $"A new link goes to {user.Email}; the link in any earlier invitation stops working.",
                YesText = "Send invitation",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        var result = await ResendInvitation.HandleAsync(await Actors.GetAsync(), user.Id);
        Snackbar.Add(result.IsSuccess ? $"Invitation queued for {user.Email}." : result.Error!.Message, result.IsSuccess ? Severity.Success : Severity.Error);
    }
}
