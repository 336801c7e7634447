using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Features.Admin;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.People;

public partial class InvitePage
{
    private const string NameField = nameof(Workflows.Accounts.Invite.DisplayName);
    private const string EmailField = nameof(Workflows.Accounts.Invite.Email);
    private static readonly string[] Fields = [NameField, EmailField, AccessFields.RolesField, AccessFields.OfficesField, AccessFields.AgenciesField];
    private static readonly Role[] ExternalRoles = [Role.IndependentAuthor, Role.AgencyContact];

    private readonly ServerErrors errors = new();
    private MudForm form = default!;
    private AdminChoices? choices;
    private AccessForm access = new();
    private string? displayName;
    private string? email;
    private bool isAdministrator;
    private bool saving;
    private InvitedUser? invited;

    [Inject]
    private CurrentActor Actors { get; set; } = default!;

    [Inject]
    private InvitationChoicesQuery Choices { get; set; } = default!;

    [Inject]
    private InviteUserHandler Inviter { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actors.GetAsync();
        isAdministrator = actor.Is(Role.Administrator);
        var result = await Choices.HandleAsync(actor);
        choices = result.IsSuccess ? result.Value : null;
        errors.Show(result.Error);
    }

    private async Task InviteAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }

        saving = true;
        var result = await Inviter.HandleAsync(await Actors.GetAsync(), new Invite(displayName, email, access.ToAccess()));
        saving = false;
        errors.Show(result.Error);
        invited = result.IsSuccess ? result.Value : null;
    }

    private void StartAgain()
    {
        (invited, displayName, email, access) = (null, null, null, new AccessForm());
        errors.Clear();
    }
}
