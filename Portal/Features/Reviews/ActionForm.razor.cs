using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Process;
using Workflows.Time;

namespace Portal.Features.Reviews;

public partial class ActionForm
{
    private static readonly string[] ShownFields =
    [
        nameof(TriggerArgs.Date), nameof(TriggerArgs.Comment), nameof(HoldArgs.HoldReason), nameof(HoldArgs.ExpectedReviewDate),
        nameof(RecordPublishedArgs.PublicationLink),
    ];

    // One key per opened form: a double click, or a retry after a lost connection, makes one transition.
    private readonly string idempotencyKey = Guid.NewGuid().ToString();
    private readonly ActionFormModel model = new();
    private readonly ServerErrors errors = new();
    private ActionFields fields = new();
    private ElementReference heading;
    private bool saving;
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
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime TodayAsDateTime => Clock.Today.ToDateTime(TimeOnly.MinValue);

    private IEnumerable<string> Others => errors.Others(ShownFields);

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
        // A second click while the first is saving does nothing here; the idempotency key covers a second request.
        if (saving)
        {
            return;
        }

        saving = true;
        reloaded = false;
        errors.Clear();
        try
        {
            var result = await Engine.FireAsync(ReviewId, model.ToArgs(Option.Trigger, fields, ExpectedVersion), await Actors.GetAsync(), idempotencyKey);
            if (result.IsSuccess)
            {
                await Done.InvokeAsync(result.Value);
                return;
            }

            errors.Show(result.Error);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task ReloadAsync()
    {
        await ReloadRequested.InvokeAsync();
        errors.Clear();
        reloaded = true;
    }

    private Task Cancel() => Cancelled.InvokeAsync();
}
