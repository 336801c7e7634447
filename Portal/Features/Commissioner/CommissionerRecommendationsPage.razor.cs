using Domain.Access;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Commissioner;
using Workflows.Time;

namespace Portal.Features.Commissioner;

/// The office's record of the Domestic Abuse Commissioner's recommendations: the list (overdue marked), a form to record
/// one and another to record its response. The query and the handlers check access and audit.
public partial class CommissionerRecommendationsPage
{
    private static readonly string[] RecordFields = ["Report", "MadeOn", "AddresseeId", "Text"];
    private static readonly string[] ResponseFields = ["RespondedOn", "ResponseSummary"];

    private CommissionerRecommendationsView? view;
    private string? refused;
    private int officeId;
    private string? report;
    private DateTime? madeOn;
    private int? addresseeId;
    private string? text;
    private CommissionerRecommendationView? answering;
    private DateTime? respondedOn;
    private string? responseSummary;

    [Inject]
    private CommissionerRecommendationsQuery Query { get; set; } = null!;

    [Inject]
    private RecordCommissionerRecommendationHandler RecordHandler { get; set; } = null!;

    [Inject]
    private RecordCommissionerResponseHandler RespondHandler { get; set; } = null!;

    [Inject]
    private CommandRunner Record { get; set; } = null!;

    [Inject]
    private CommandRunner Respond { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    /// The recommendation whose response form opens on arrival: the link of its task (TaskPages), from the queues and emails.
    [SupplyParameterFromQuery(Name = "respond")]
    public int? RespondTo { get; set; }

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnInitializedAsync()
    {
        // Audited once per view: the prerender pass loads (and records) nothing.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
            OnParametersSet();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor);
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

    protected override void OnParametersSet()
    {
        if (RespondTo is int id && view?.Recommendations.FirstOrDefault(r => r.Id == id && r.RespondedOn is null) is { } open && answering?.Id != id)
        {
            Answer(open);
        }
    }

    private void Answer(CommissionerRecommendationView recommendation) =>
        (answering, respondedOn, responseSummary) = (recommendation, null, null);

    private static DateOnly? Date(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;

    private async Task RecordAsync() => await Record.RunAsync(
        actor => RecordHandler.HandleAsync(actor, new RecordCommissionerRecommendation(officeId, report, Date(madeOn), addresseeId, text)),
        "Recommendation recorded.", () =>
        {
            (report, madeOn, addresseeId, text) = (null, null, null, null);
            return LoadAsync();
        });

    private async Task RespondAsync() => await Respond.RunAsync(
        actor => RespondHandler.HandleAsync(actor, new RecordCommissionerResponse(answering!.Id, Date(respondedOn), responseSummary, answering.Version)),
        "Response recorded.", () =>
        {
            answering = null;
            return LoadAsync();
        });
}
