using Domain.Access;
using Domain.Organisations;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.Admin;

/// Adds an organisation (Row null) or edits one; closes with the SavedOrganisation. Errors from the handler are shown
/// beside their fields and the dialog stays open with what was typed.
public partial class OrganisationDialog
{
    private const string NameField = nameof(Organisation.Name);
    private const string KindField = nameof(Organisation.Kind);
    private const string CodeField = nameof(Organisation.Code);
    private const string OfficeField = nameof(Organisation.ServingOfficeId);
    private const string EscalationField = nameof(Organisation.EscalationEmail);
    private const string WorkingOfficesField = nameof(OrganisationInput.WorkingOfficeIds);
    private static readonly string[] Fields = [NameField, KindField, CodeField, OfficeField, EscalationField, WorkingOfficesField];

    private MudForm form = default!;
    private IReadOnlyList<OrganisationChoice> offices = [];
    private string? name;
    private OrganisationKind kind = OrganisationKind.Agency;
    private string? code;
    private int? servingOfficeId;
    private string? escalationEmail;
    private bool sharesWithAgencyTeams;
    private IReadOnlyCollection<int> workingOfficeIds = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public OrganisationRow? Row { get; set; }

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private AdminLookups Lookups { get; set; } = default!;

    [Inject]
    private SaveOrganisationHandler Save { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnInitializedAsync()
    {
        if (Row is not null)
        {
            (name, kind, code, servingOfficeId, escalationEmail) = (Row.Name, Row.Kind, Row.Code, Row.ServingOfficeId, Row.EscalationEmail);
            sharesWithAgencyTeams = Row.SharesWithAgencyTeams;
            workingOfficeIds = Row.WorkingOffices?.Select(o => o.Id).ToList() ?? [];
        }

        var choices = await Lookups.HandleAsync(Actor);
        offices = choices.IsSuccess ? choices.Value.Offices : [];
        errors.Show(choices.Error);
    }

    private string OfficeName(int? id) => AdminFormats.Choice(offices, id);

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }

        var input = new OrganisationInput(name, kind, code, servingOfficeId, escalationEmail, workingOfficeIds, sharesWithAgencyTeams);
        await Run.RunAsync(actor => Row is null ? Save.CreateAsync(actor, input) : Save.ChangeAsync(actor, Row.Id, Row.Version, input), _ => null, saved =>
        {
            Dialog.Close(DialogResult.Ok(saved));
            return Task.CompletedTask;
        });
    }
}
