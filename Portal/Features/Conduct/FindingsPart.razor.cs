using Domain.Conduct;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Conduct;
using Workflows.Time;

namespace Portal.Features.Conduct;

public partial class FindingsPart
{
    private static readonly string[] Fields =
    [
        nameof(FindingsInput.Predictable), nameof(FindingsInput.PredictableWords), nameof(FindingsInput.Preventable),
        nameof(FindingsInput.PreventableWords), nameof(FindingsInput.ReportDated),
    ];

    private FindingAnswer? predictable;
    private string? predictableWords;
    private FindingAnswer? preventable;
    private string? preventableWords;
    private DateTime? reportDated;
    private int loadedVersion = -1;

    [Parameter, EditorRequired]
    public ConductView View { get; set; } = null!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private SaveFindingsHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    private int Version => View.Findings?.Version ?? 0;

    private static string Quoted(string? words) => words is null ? string.Empty : $": \u201c{words}\u201d";

    protected override void OnParametersSet()
    {
        // The form starts from what is recorded, and again after each save; a reload of the page section keeps what is typed otherwise.
        if (loadedVersion != Version)
        {
            loadedVersion = Version;
            var f = View.Findings;
            (predictable, predictableWords, preventable, preventableWords) = (f?.Predictable, f?.PredictableWords, f?.Preventable, f?.PreventableWords);
            reportDated = f?.ReportDated?.ToDateTime(TimeOnly.MinValue);
        }
    }

    private async Task SaveAsync() => await Save.RunAsync(
        actor => Handler.HandleAsync(actor, new SaveFindings(View.ReviewId,
            new FindingsInput(predictable, predictableWords, preventable, preventableWords, reportDated is { } d ? DateOnly.FromDateTime(d) : null), Version)),
        version => version == Version ? "Nothing had changed." : "Findings saved.", _ => Changed.InvokeAsync());
}
