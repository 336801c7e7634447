using Domain.Access;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Crg;
using Workflows.Process;

namespace Portal.Features.Crg;

public partial class CrgMeetingPage
{
    private CrgMeetingView? view;
    private string? refused;
    private string? message;
    private int? toAdd;
    private long? opened;
    private bool isStaff;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private GetCrgMeetingQuery Query { get; set; } = null!;

    [Inject]
    private ChangeAgendaHandler Agenda { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        // Viewing the papers is audited: only the interactive pass loads them.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        isStaff = Actor.IsOfficeStaff;
        var result = await Query.HandleAsync(Actor, Id);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            return;
        }

        view = result.Value;
    }

    private async Task AddAsync()
    {
        if (toAdd is not int reviewId)
        {
            message = "Choose the case to add.";
            return;
        }

        message = null;
        if (await Run.RunAsync(actor => Agenda.AddAsync(actor, Id, reviewId), "Added to the agenda.", LoadAsync))
        {
            toAdd = null;
        }
    }

    private async Task RemoveAsync(AgendaItemView item)
    {
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = $"Remove {item.CaseLabel} from the agenda?",
                Message = "The case stays where it is in its process and can be added to this or another meeting later.",
                YesText = "Remove",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        message = null;
        await Run.RunAsync(actor => Agenda.RemoveAsync(actor, item.Id), $"{item.CaseLabel} removed from the agenda.", LoadAsync);
    }

    private async Task ShareAsync()
    {
        message = null;
        await Run.RunAsync(actor => Agenda.SharePapersAsync(actor, Id), "The agenda papers are shared with the CRG members; each of them is emailed a link.", LoadAsync);
    }

    private async Task OnRecordedAsync(TransitionResult result)
    {
        opened = null;
        Snackbar.Add(Reviews.Recorded.Message(result), Severity.Success);
        await LoadAsync();
    }
}
