using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;
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
    private bool busy;
    private bool isStaff;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private GetCrgMeetingQuery Query { get; set; } = null!;

    [Inject]
    private ChangeAgendaHandler Agenda { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

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
        var actor = await Actors.GetAsync();
        isStaff = actor.IsOfficeStaff;
        var result = await Query.HandleAsync(actor, Id);
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

        await RunAsync(async actor => (await Agenda.AddAsync(actor, Id, reviewId)).Error, "Added to the agenda.");
        toAdd = null;
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

        await RunAsync(async actor => (await Agenda.RemoveAsync(actor, item.Id)).Error, $"{item.CaseLabel} removed from the agenda.");
    }

    private Task ShareAsync() =>
        RunAsync(async actor => (await Agenda.SharePapersAsync(actor, Id)).Error, "The agenda papers are shared with the CRG members; each of them is emailed a link.");

    private async Task RunAsync(Func<Domain.Access.Actor, Task<Domain.Error?>> command, string done)
    {
        busy = true;
        message = null;
        try
        {
            var error = await command(await Actors.GetAsync());
            if (error is not null)
            {
                message = error.Message;
                return;
            }

            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task OnRecordedAsync(TransitionResult result)
    {
        opened = null;
        Snackbar.Add($"Recorded: {TriggerNames.Describe(result.Trigger)}. The review is at \"{Domain.Reviews.StageNames.Describe(result.To)}\".", Severity.Success);
        await LoadAsync();
    }
}
