using Domain.Access;
using Domain.Family;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Family;

namespace Portal.Features.Family;

public partial class FamilyLogPage
{
    private const string NotRecorded = "";

    private static readonly string[] AgreementFields = ["AdvocacyBy", "Pseudonym", "ConsentOn", "DraftSeenNumber", "DraftSeenOn"];

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private FamilyLogQuery Query { get; set; } = null!;

    [Inject]
    private SaveFamilyAgreementsHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private AgreementsForm agreements = new();
    private FamilyLogView? view;
    private string? refused;

    /// The form's values as MudBlazor binds them (text for the yes/no and consent choices, DateTime for dates).
    private sealed class AgreementsForm
    {
        public string AdvocacyOffered { get; set; } = NotRecorded;

        public string? AdvocacyBy { get; set; }

        public string? Pseudonym { get; set; }

        public string Consent { get; set; } = NotRecorded;

        public DateTime? ConsentOn { get; set; }

        public int DraftSeen { get; set; }

        public DateTime? DraftSeenOn { get; set; }

        public int Version { get; set; }

        public static AgreementsForm From(FamilyAgreements a) => new()
        {
            AdvocacyOffered = a.AdvocacyOffered switch { true => "Yes", false => "No", null => NotRecorded },
            AdvocacyBy = a.AdvocacyBy,
            Pseudonym = a.Pseudonym,
            Consent = a.Consent?.ToString() ?? NotRecorded,
            ConsentOn = a.ConsentOn?.ToDateTime(TimeOnly.MinValue),
            DraftSeen = a.DraftSeenNumber ?? 0,
            DraftSeenOn = a.DraftSeenOn?.ToDateTime(TimeOnly.MinValue),
            Version = a.Version,
        };

        public FamilyAgreementsInput ToInput(int reviewId) => new(reviewId,
            AdvocacyOffered switch { "Yes" => true, "No" => false, _ => null },
            AdvocacyBy, Pseudonym,
            Enum.TryParse<PseudonymConsent>(Consent, out var consent) ? consent : null,
            ConsentOn is DateTime on ? DateOnly.FromDateTime(on) : null,
            DraftSeen > 0 ? DraftSeen : null,
            DraftSeenOn is DateTime seen ? DateOnly.FromDateTime(seen) : null,
            Version);
    }

    private ServerErrors agreementErrors => Save.Errors;

    private static string Choice(string? value) => string.IsNullOrEmpty(value) ? "Not recorded" : value;

    protected override async Task OnParametersSetAsync()
    {
        // Audited once per view: the prerender pass loads (and records) nothing.
        if (RendererInfo.IsInteractive)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        var result = await Query.HandleAsync(Actor, Id);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            view = null;
            return;
        }

        view = result.Value;
        agreements = AgreementsForm.From(view.Agreements);
    }

    private async Task SaveAgreementsAsync() => await Save.RunAsync(actor => Handler.HandleAsync(actor, agreements.ToInput(Id)),
        saved => saved.PublicationBlocked ? null : "Saved.",
        async saved =>
        {
            if (saved.PublicationBlocked)
            {
                Snackbar.Add(saved.ConsentChanged ? "Saved. Consent is withdrawn: publication of the report is blocked." : "Saved.", Severity.Warning);
            }

            await ReloadAsync();
        });
}
