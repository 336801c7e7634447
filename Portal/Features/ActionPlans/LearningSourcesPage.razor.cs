using Domain.Access;
using Domain.ActionPlans;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.ActionPlans;
using Workflows.Time;

namespace Portal.Features.ActionPlans;

/// The learning sources an office (or a CSP's action plan team) keeps: the list, sortable, and a form to record one or
/// change one. The query and the handler check access and audit; the source's action plan is the shared action plan page.
public partial class LearningSourcesPage
{
    private static readonly string[] Fields = ["Kind", "Title", "AgreedOn", "CspId"];

    private LearningSourcesView? view;
    private string? refused;
    private LearningSourceRow? editing;
    private LearningSourceKind? kind;
    private string? title;
    private DateTime? agreedOn;
    private int? cspId;

    [Inject]
    private LearningSourcesQuery Query { get; set; } = null!;

    [Inject]
    private SaveLearningSourceHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnInitializedAsync()
    {
        // Audited once per view: the prerender pass loads (and records) nothing.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
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
        if (view.Csps.Count == 1)
        {
            cspId ??= view.Csps[0].Id;
        }
    }

    private void Edit(LearningSourceRow source)
    {
        Save.Errors.Clear();
        (editing, kind, title, agreedOn, cspId) = (source, source.Kind, source.Title, source.AgreedOn.ToDateTime(TimeOnly.MinValue), source.CspId);
    }

    private void Clear()
    {
        Save.Errors.Clear();
        (editing, kind, title, agreedOn) = (null, null, null, null);
    }

    private static DateOnly? Date(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;

    private Task<bool> SaveAsync()
    {
        var input = new LearningSourceInput(kind, title, Date(agreedOn), cspId);
        if (editing is { } source)
        {
            return Save.RunAsync(actor => Handler.ChangeAsync(actor, source.Id, input, source.Version), "Learning source changed.", () =>
            {
                Clear();
                return LoadAsync();
            });
        }

        // Recorded: straight to its action plan, where its recommendations and actions are added.
        return Save.RunAsync(actor => Handler.CreateAsync(actor, input), _ => "Learning source recorded.", id =>
        {
            Navigation.NavigateTo($"learning-sources/{id}/action-plan");
            return Task.CompletedTask;
        });
    }
}
