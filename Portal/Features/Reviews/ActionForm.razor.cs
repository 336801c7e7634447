using Domain.Access;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Process;
using Workflows.Reviews;
using Workflows.Time;

namespace Portal.Features.Reviews;

public partial class ActionForm
{
    private static readonly string[] ShownFields =
    [
        nameof(TriggerArgs.Date), nameof(TriggerArgs.Comment), nameof(HoldArgs.HoldReason), nameof(HoldArgs.ExpectedReviewDate),
        nameof(RecordPublishedArgs.PublicationLink), nameof(ReverseCriteriaNotMetArgs.Reason),
    ];

    // One key per opened form: a double click, or a retry after a lost connection, makes one transition.
    private readonly string idempotencyKey = Guid.NewGuid().ToString();
    private readonly ActionFormModel model = new();
    private ActionFields fields = new();
    private ElementReference heading;
    private bool reloaded;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Parameter, EditorRequired]
    public ActionOption Option { get; set; } = null!;

    /// The review's Version as the page shows it: the engine refuses the action if the review changed since.
    [Parameter, EditorRequired]
    public int ExpectedVersion { get; set; }

    [Parameter]
    public EventCallback<TransitionResult> Done { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    /// Asks the page to load the review again (after a conflict); the form and what was typed stay.
    [Parameter]
    public EventCallback ReloadRequested { get; set; }

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    private DateTime TodayAsDateTime => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override void OnInitialized()
    {
        fields = ActionFields.For(Option.Trigger);
        model.Date = TodayAsDateTime;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keyboard and screen reader users land on the form they opened.
        if (firstRender)
        {
            await heading.FocusAsync();
        }
    }

    private async Task SubmitAsync()
    {
        reloaded = false;
        var args = model.ToArgs(Option.Trigger, ExpectedVersion);
        // Without a reason a stop or a reopening is refused anyway: ask only before something that would happen.
        if (Confirmation(args) is { } confirmation && await Dialogs.ShowMessageBoxAsync(confirmation) != true)
        {
            return;
        }

        await Run.RunAsync(actor => Engine.FireAsync(ReviewId, args, actor, idempotencyKey), _ => null, recorded => Done.InvokeAsync(recorded));
    }

    /// Closing or stopping ends other people's work (IClosingWork), and reopening starts it again: confirmed first.
    private static MessageBoxOptions? Confirmation(TriggerArgs args) => args switch
    {
        StopReviewArgs { Comment: { } reason } when !string.IsNullOrWhiteSpace(reason) => Ending("Stop this review?", "Stop the review"),
        CloseReviewArgs or CloseWithoutReviewArgs => Ending("Close this review?", "Close the review"),
        ReopenReviewArgs { Comment: { } reason } when !string.IsNullOrWhiteSpace(reason) => new()
        {
            Title = "Reopen this review?",
            Message = "It returns to the stage it was closed from: its tasks and deadlines run again (moved on by the days it was closed) and its panel "
                      + "members have access again. Agency requests withdrawn when it closed are not sent again: the page lists them.",
            YesText = "Reopen the review",
            CancelText = "Cancel",
        },
        _ => null,
    };

    private static MessageBoxOptions Ending(string title, string yes) => new()
    {
        Title = title,
        Message = "The review closes: its tasks, deadlines and reminders end, its open agency requests are withdrawn and its panel members lose access. "
                  + "They and the chair/author are told by email. A manager can reopen it.",
        YesText = yes,
        CancelText = "Cancel",
    };

    private async Task ReloadAsync()
    {
        await ReloadRequested.InvokeAsync();
        errors.Clear();
        reloaded = true;
    }

    private Task Cancel() => Cancelled.InvokeAsync();
}
