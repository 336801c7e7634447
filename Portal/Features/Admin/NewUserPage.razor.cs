using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.Admin;

public partial class NewUserPage
{
    private const string NameField = nameof(NewUser.DisplayName);
    private const string EmailField = nameof(NewUser.Email);
    private const string PasswordField = nameof(NewUser.TemporaryPassword);
    private static readonly string[] Fields = [NameField, EmailField, PasswordField, AccessFields.RolesField, AccessFields.OfficesField, AccessFields.AgenciesField];

    private MudForm form = default!;
    private AdminChoices? choices;
    private AccessForm access = new();
    private string? displayName;
    private string? email;
    private bool generatePassword = true;
    private string? password;
    private CreatedUser? created;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private AdminLookups Lookups { get; set; } = default!;

    [Inject]
    private CreateUserHandler Create { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnInitializedAsync()
    {
        var result = await Lookups.HandleAsync(Actor);
        choices = result.IsSuccess ? result.Value : new AdminChoices([], []);
        errors.Show(result.Error);
    }

    private async Task CreateAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }

        var request = new NewUser(displayName, email, generatePassword ? null : password, access.ToAccess());
        await Run.RunAsync(actor => Create.HandleAsync(actor, request), _ => null, done =>
        {
            created = done;
            // Only the page holds the password now; it goes when the admin leaves or starts again.
            password = null;
            return Task.CompletedTask;
        });
    }

    private void StartAgain()
    {
        (created, displayName, email, password, generatePassword, access) = (null, null, null, null, true, new AccessForm());
        errors.Clear();
    }
}
