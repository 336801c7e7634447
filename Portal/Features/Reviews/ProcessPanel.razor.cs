using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Process;
using Workflows.WorkItems;

namespace Portal.Features.Reviews;

public partial class ProcessPanel
{
    private ReviewProcessView? view;
    private string? refused;
    private ActionOption? opened;
    private bool correcting;
    private bool undoing;
    private Guid openedAt;
    private int? loadedId;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    /// Each time the process is (re)loaded, e.g. so the page's heading shows the new stage.
    [Parameter]
    public EventCallback<ReviewProcessView> Loaded { get; set; }

    /// "?do=PresentToCrg": a task's link (TaskPages) opens that action's form on arrival, if it is available.
    [SupplyParameterFromQuery(Name = TaskPages.OpenAction)]
    public string? OpenOnArrival { get; set; }

    [Inject]
    private ReviewProcessQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private string NoActionsText => view!.Stage == Stage.Closed
        ? "The review is closed: nothing more can be done."
        : "Only the review officers and managers of the review's lead office can move it on.";

    protected override async Task OnParametersSetAsync()
    {
        // Like the page, nothing is loaded in the prerender pass. Only a new review reloads: the page re-renders this
        // panel each time Loaded fires (a new delegate each time), which must not load again.
        if (RendererInfo.IsInteractive && ReviewId != loadedId)
        {
            loadedId = ReviewId;
            opened = null;
            await LoadAsync();
            if (Enum.TryParse<Trigger>(OpenOnArrival, out var trigger)
                && view?.Actions.FirstOrDefault(a => a.Trigger == trigger && a.IsAvailable) is { } action)
            {
                Open(action);
            }
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor, ReviewId);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message;
            return;
        }

        view = result.Value;
        await Loaded.InvokeAsync(view);
    }

    private void Open(ActionOption action)
    {
        // Appointing needs the chosen people and fees: the commissioning page asks for them.
        if (action.Trigger == Trigger.AppointAuthor)
        {
            Navigation.NavigateTo($"reviews/{ReviewId}/commissioning");
            return;
        }

        opened = action;
        openedAt = Guid.NewGuid();
        correcting = false;
        undoing = false;
    }

    private void OpenCorrection()
    {
        opened = null;
        undoing = false;
        correcting = true;
    }

    private void OpenUndo()
    {
        opened = null;
        correcting = false;
        undoing = true;
    }

    private async Task OnUndoneAsync(StepUndone result)
    {
        undoing = false;
        await LoadAsync();
    }

    private async Task OnCorrectedAsync(DateCorrected result)
    {
        correcting = false;
        await LoadAsync();
    }

    private async Task OnDoneAsync(TransitionResult result)
    {
        opened = null;
        Snackbar.Add(Recorded.Message(result), Severity.Success);
        await LoadAsync();
    }
}
