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

    private MudForm form = default!;
    private AdminChoices? choices;
    private AccessForm access = new();
    private string? displayName;
    private string? email;
    private bool isAdministrator;
    private InvitedUser? invited;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private InvitationChoicesQuery Choices { get; set; } = default!;

    [Inject]
    private InviteUserHandler Inviter { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnInitializedAsync()
    {
        isAdministrator = Actor.Is(Role.Administrator);
        var result = await Choices.HandleAsync(Actor);
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

        invited = null;
        await Run.RunAsync(actor => Inviter.HandleAsync(actor, new Invite(displayName, email, access.ToAccess())), _ => null, done =>
        {
            invited = done;
            return Task.CompletedTask;
        });
    }

    private void StartAgain()
    {
        (invited, displayName, email, access) = (null, null, null, new AccessForm());
        errors.Clear();
    }
}
