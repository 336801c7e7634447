using Domain.Organisations;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Admin;

using Portal.Components.Shared;

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
    private static readonly string[] Fields = [NameField, KindField, CodeField, OfficeField, EscalationField];

    private readonly ServerErrors errors = new();
    private MudForm form = default!;
    private IReadOnlyList<OrganisationChoice> offices = [];
    private string? name;
    private OrganisationKind kind = OrganisationKind.Agency;
    private string? code;
    private int? servingOfficeId;
    private string? escalationEmail;
    private bool saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public OrganisationRow? Row { get; set; }

    [Inject]
    private CurrentActor Actors { get; set; } = default!;

    [Inject]
    private AdminLookups Lookups { get; set; } = default!;

    [Inject]
    private SaveOrganisationHandler Save { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (Row is not null)
        {
            (name, kind, code, servingOfficeId, escalationEmail) = (Row.Name, Row.Kind, Row.Code, Row.ServingOfficeId, Row.EscalationEmail);
        }

        var choices = await Lookups.HandleAsync(await Actors.GetAsync());
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

        saving = true;
        var input = new OrganisationInput(name, kind, code, servingOfficeId, escalationEmail);
        var actor = await Actors.GetAsync();
        var result = Row is null ? await Save.CreateAsync(actor, input) : await Save.ChangeAsync(actor, Row.Id, Row.Version, input);
        saving = false;
        if (result.IsSuccess)
        {
            Dialog.Close(DialogResult.Ok(result.Value));
            return;
        }

        errors.Show(result.Error);
    }
}
