using System.Linq.Expressions;
using Domain;
using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.WorkItems;

namespace Portal.Features.Work;

public partial class QueueView
{
    public const string ConflictMessage = "Someone else changed this task; the list has been refreshed. Check it and try again if it still needs doing.";

    /// The grid's column expressions, made once: a PropertyColumn compiles its expression again whenever it is given
    /// a new one, and a lambda written in the markup is a new expression on every render.
    private static class Columns
    {
        public static readonly Expression<Func<WorkItemRow, string>> Reference = r => r.Reference;
        public static readonly Expression<Func<WorkItemRow, string>> Title = r => r.Title;
        public static readonly Expression<Func<WorkItemRow, WorkItemPriority>> Priority = r => r.Priority;
        public static readonly Expression<Func<WorkItemRow, string?>> Assignee = r => r.AssigneeName;
        public static readonly Expression<Func<WorkItemRow, DateOnly?>> Due = r => r.DueDate;
    }

    private MudDataGrid<WorkItemRow> grid = null!;
    private string? search;
    private WorkItemPriority? priority;
    private Stage? stage;

    [Parameter, EditorRequired]
    public WorkQueue Queue { get; set; }

    /// "?search=LR-2026-004": opens the queue filtered, as the managers' overdue emails link to it.
    [SupplyParameterFromQuery(Name = "search")]
    public string? SearchFromLink { get; set; }

    [Inject]
    private WorkQueueQuery Queues { get; set; } = null!;

    [Inject]
    private WorkItemCommands Commands { get; set; } = null!;

    /// Decides which actions to offer; the commands check again on the server.
    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private WorkQueueEvents Events { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private QueueInfo Info => WorkQueues.For(Queue);

    protected override void OnInitialized() => search = string.IsNullOrWhiteSpace(SearchFromLink) ? null : SearchFromLink.Trim();

    private bool Filtered => !string.IsNullOrWhiteSpace(search) || priority is not null || stage is not null;

    private async Task<GridData<WorkItemRow>> LoadAsync(GridState<WorkItemRow> state, CancellationToken ct)
    {
        var result = await Queues.HandleAsync(Actor, Queue, new WorkItemFilter(search, priority, stage), state.ToPageRequest(), ct);
        return new GridData<WorkItemRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private Task FilterAsync(Action set)
    {
        set();
        return grid.ReloadFromFirstPageAsync();
    }

    private static string Describe(WorkItemRow row) => $"{row.Title}, {row.Reference}";

    private static Color PriorityColour(WorkItemPriority priority) => priority switch
    {
        WorkItemPriority.Urgent => Color.Error,
        WorkItemPriority.High => Color.Warning,
        _ => Color.Default,
    };

    private bool CanUnclaim(WorkItemRow row) =>
        row.AssigneeUserId is not null && (row.AssigneeUserId == Actor.UserId || Actor.Is(Role.Manager));

    private bool HasMoreActions(WorkItemRow row) =>
        CanUnclaim(row) || Actor.Is(Role.Manager) || !row.IsProcessStep || Actor.Is(Role.ReviewOfficer);

    private Task ClaimAsync(WorkItemRow row) =>
        RunAsync($"You claimed \"{row.Title}\" ({row.Reference}): it is in My work now.", a => Commands.ClaimAsync(a, row.Id, row.Version));

    private async Task UnclaimAsync(WorkItemRow row)
    {
        if (await ConfirmAsync($"Give back \"{row.Title}\"?", $"{row.Reference} goes back to the team queue, for anyone in the office to claim.", "Give back"))
        {
            await RunAsync($"\"{row.Title}\" ({row.Reference}) is back in the team queue.", a => Commands.UnclaimAsync(a, row.Id, row.Version));
        }
    }

    private async Task ReassignAsync(WorkItemRow row)
    {
        var parameters = new DialogParameters<ReassignDialog> { { d => d.Row, row } };
        var result = await (await Dialogs.ShowAsync<ReassignDialog>("Reassign task", parameters, DialogOptions)).Result;
        if (result is { Canceled: false, Data: ReassignDialog.Choice choice })
        {
            await RunAsync($"\"{row.Title}\" ({row.Reference}) is assigned to {choice.To.Name}, who is emailed.",
                a => Commands.ReassignAsync(a, row.Id, choice.To.UserId, choice.Note, row.Version));
        }
    }

    private async Task CompleteAsync(WorkItemRow row)
    {
        var parameters = new DialogParameters<CompleteDialog> { { d => d.Row, row } };
        var result = await (await Dialogs.ShowAsync<CompleteDialog>("Complete task", parameters, DialogOptions)).Result;
        if (result is { Canceled: false, Data: string outcome })
        {
            await RunAsync($"\"{row.Title}\" ({row.Reference}) is complete.", a => Commands.CompleteAsync(a, row.Id, outcome, row.Version));
        }
    }

    private async Task PauseOrResumeAsync(WorkItemRow row)
    {
        if (row.IsPaused)
        {
            await RunAsync($"\"{row.Title}\" ({row.Reference}) resumed: its due date moved on by the days it was paused.",
                a => Commands.ResumeAsync(a, row.Id, row.Version));
        }
        else if (await ConfirmAsync($"Pause \"{row.Title}\"?",
                     "Its due date stops, and it leaves the overdue and due-soon queues, until you resume it. Resuming moves the due date on by the days paused.",
                     "Pause"))
        {
            await RunAsync($"\"{row.Title}\" ({row.Reference}) is paused.", a => Commands.PauseAsync(a, row.Id, row.Version));
        }
    }

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = "Cancel" }) == true;

    /// Runs a command with the row's version; whatever happens, the list and the menu's counts are reloaded. A task
    /// someone else changed meanwhile needs no more than that reload and a word; other refusals stay above the list.
    private async Task RunAsync(string done, Func<Actor, Task<Result<WorkItemChanged>>> command)
    {
        if (!await Run.RunAsync(command, done) && Run.Errors.IsConflict)
        {
            Run.Errors.Clear();
            Snackbar.Add(ConflictMessage, Severity.Warning);
        }

        await grid.ReloadServerData();
        Events.NotifyChanged();
    }
}
