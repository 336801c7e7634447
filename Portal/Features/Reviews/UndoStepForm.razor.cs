using Domain.Calendar;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Process;

namespace Portal.Features.Reviews;

public partial class UndoStepForm
{
    private static readonly string[] ShownFields = [UndoStep.ReasonField];

    // One key per opened form: a double click, or a retry after a lost connection, undoes once.
    private readonly string idempotencyKey = Guid.NewGuid().ToString();
    private ElementReference heading;
    private string? reason;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Parameter, EditorRequired]
    public CorrectableStep Step { get; set; } = null!;

    /// The review's Version as the page shows it: the engine refuses to undo if the review changed since.
    [Parameter, EditorRequired]
    public int ExpectedVersion { get; set; }

    [Parameter]
    public EventCallback<StepUndone> Done { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keyboard and screen reader users land on the form they opened.
        if (firstRender)
        {
            await heading.FocusAsync();
        }
    }

    private async Task SubmitAsync() =>
        await Run.RunAsync(actor => Engine.UndoStepAsync(new UndoStep(ReviewId, Step.Id, reason, ExpectedVersion), actor, idempotencyKey),
            _ => $"\"{TriggerNames.Describe(Step.Trigger)}\" of {UkDate.Format(Step.OccurredOn)} is undone.",
            undone => Done.InvokeAsync(undone));
}
