using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Process;
using Workflows.Time;

namespace Portal.Features.Reviews;

public partial class CorrectStepDateForm
{
    private static readonly string[] ShownFields = [nameof(CorrectStepDate.Date), CorrectStepDate.ReasonField];

    // One key per opened form: a double click, or a retry after a lost connection, makes one correction.
    private readonly string idempotencyKey = Guid.NewGuid().ToString();
    private ElementReference heading;
    private DateTime? date;
    private string? reason;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Parameter, EditorRequired]
    public CorrectableStep Step { get; set; } = null!;

    /// The review's Version as the page shows it: the engine refuses the correction if the review changed since.
    [Parameter, EditorRequired]
    public int ExpectedVersion { get; set; }

    [Parameter]
    public EventCallback<DateCorrected> Done { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    private DateTime TodayAsDateTime => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override void OnInitialized() => date = Step.OccurredOn.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keyboard and screen reader users land on the form they opened.
        if (firstRender)
        {
            await heading.FocusAsync();
        }
    }

    private async Task SubmitAsync() =>
        await Run.RunAsync(actor => Engine.CorrectDateAsync(
                new CorrectStepDate(ReviewId, Step.Id, date is { } d ? DateOnly.FromDateTime(d) : null, reason, ExpectedVersion), actor, idempotencyKey),
            corrected => $"The date is corrected: {UkDate.Format(date is { } d ? DateOnly.FromDateTime(d) : Step.OccurredOn)}.",
            corrected => Done.InvokeAsync(corrected));
}
