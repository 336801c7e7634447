using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.Admin;

public partial class EditUserPage
{
    private const string NameField = nameof(UserChange.DisplayName);
    private static readonly string[] Fields = [NameField, AccessFields.RolesField, AccessFields.OfficesField, AccessFields.AgenciesField];

    private MudForm form = default!;
    private AdminChoices? choices;
    private UserDetails? user;
    private string? actorId;
    private string? displayName;
    private AccessForm access = new();

    [Parameter]
    public string Id { get; set; } = string.Empty;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

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
    private ResetUserAuthenticatorHandler ResetAuthenticator { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnParametersSetAsync()
    {
        var lookups = await Lookups.HandleAsync(Actor);
        choices = lookups.IsSuccess ? lookups.Value : null;
        await LoadAsync();
    }

    /// Loads the account as saved now, replacing what the form shows (after a conflict, the admin asks for this).
    private async Task LoadAsync()
    {
        actorId = Actor.UserId;
        var result = await GetUser.HandleAsync(Actor, Id);
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

        // As saved: a role needing a second administrator shows as asked for, not held, and the message says so.
        if (await Run.RunAsync(actor => Change.HandleAsync(actor, new UserChange(user.Id, user.ConcurrencyStamp, displayName, access.ToAccess())), then: LoadAsync))
        {
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

        await Run.RunAsync(actor => SetDisabled.HandleAsync(actor, user.Id, disable), $"{user.DisplayName} {(disable ? "disabled" : "enabled")}.", LoadAsync);
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

        await Run.RunAsync(actor => ResendInvitation.HandleAsync(actor, user.Id), $"Invitation queued for {user.Email}.");
    }

    private async Task ResetAuthenticatorAsync()
    {
        if (user is null || await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = $"Reset {user.DisplayName}'s authenticator app?",
                Message = "Do this only when they have asked, for example after losing their phone, and you are sure it is them. "
                    + "Their two-factor authentication is turned off, their app's entry and recovery codes stop working, and they are signed out "
                    + $"everywhere. An email tells them at {user.Email}; they set up their app again when they next sign in with their password.",
                YesText = "Reset authenticator app",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        await Run.RunAsync(actor => ResetAuthenticator.HandleAsync(actor, user.Id), $"{user.DisplayName}'s authenticator app reset.", LoadAsync);
    }
}
