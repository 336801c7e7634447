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

    [Inject]
    private AskForAgencyContactHandler AskForContact { get; set; } = default!;

    private AskedForAgencyContact? asked;

    private ServerErrors errors => Run.Errors;

    /// An officer's agency contact is asked for, for an administrator to approve, not invited.
    private bool AsksForContact => !isAdministrator && access.Roles.Contains(Role.AgencyContact) && access.Roles.Count == 1;

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
        asked = null;
        if (AsksForContact)
        {
            await Run.RunAsync(actor => AskForContact.HandleAsync(actor,
                new AskForAgencyContact(displayName, email, access.AgencyIds.Count == 1 ? access.AgencyIds.Single() : null)), _ => null, done =>
            {
                asked = done;
                return Task.CompletedTask;
            });
            return;
        }

        await Run.RunAsync(actor => Inviter.HandleAsync(actor, new Invite(displayName, email, access.ToAccess())), _ => null, done =>
        {
            invited = done;
            return Task.CompletedTask;
        });
    }

    private void StartAgain()
    {
        (invited, asked, displayName, email, access) = (null, null, null, null, new AccessForm());
        errors.Clear();
    }
}
