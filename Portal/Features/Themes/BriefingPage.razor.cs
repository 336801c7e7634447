using Domain.Access;
using Domain.Themes;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Themes;

namespace Portal.Features.Themes;

/// A review's briefing: edited by the lead office, downloaded as .docx, logged in the dissemination log. The query and
/// the handler check access and stage and audit.
public partial class BriefingPage
{
    private static readonly string[] Fields = ["Summary", "Themes", "Recommendations", "Questions"];

    private BriefingView? view;
    private string? refused;
    private string? summary;
    private string? themes;
    private string? recommendations;
    private string? questions;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private BriefingQuery Query { get; set; } = null!;

    [Inject]
    private SaveBriefingHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

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
            refused = result.Error is Domain.AccessRefused ? result.Error.Message + " This attempt has been recorded." : result.Error!.Message;
            view = null;
            return;
        }

        view = result.Value;
        (summary, themes, recommendations, questions) = (view.Texts.Summary, view.Texts.Themes, view.Texts.Recommendations, view.Texts.Questions);
    }

    /// Back to what the review holds now (e.g. after a recommendation was added); saved only when the officer saves.
    private void Refill() => (themes, recommendations) = (view!.Prefilled.Themes, view.Prefilled.Recommendations);

    private async Task SaveAsync() => await Save.RunAsync(
        actor => Handler.HandleAsync(actor, new SaveBriefing(Id, new BriefingTexts(summary, themes, recommendations, questions), view!.Version)),
        "Briefing saved.", ReloadAsync);
}
