using Domain;
using Domain.Access;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Process;
using Workflows.Submissions;
using Workflows.Time;

namespace Portal.Features.Submissions;

public partial class SubmissionSection
{
    private static readonly Stage[] StagesShown = [Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication];

    private SubmissionSectionView? view;
    private SubmissionFormModel submission = new();
    private QaFormModel qa = new();
    private PublicationFormModel publication = new();
    private DateTime? amendmentsMadeOn;
    private string idempotencyKey = Guid.NewGuid().ToString();
    private int? loadedVersion;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    /// The review's version as the page last loaded it: a change made elsewhere on the page reloads this section.
    [Parameter]
    public int? Version { get; set; }

    /// After this section moved the review on or changed it, so the page can reload the rest.
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private SubmissionQuery Query { get; set; } = null!;

    [Inject]
    private SubmissionCommands Commands { get; set; } = null!;

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    private bool Shown => view!.Submissions.Count > 0 || view.SignOffAmendments.Count > 0 || view.SignedOffOn is not null || StagesShown.Contains(view.Stage);

    private bool CanTick => view!.CanChange && view.Stage == Stage.QaAmendments;

    private List<ActionOption> QaActions => view!.Actions.Values
        .Where(a => a.Trigger is Trigger.RecordQaApproved or Trigger.RecordQaApprovedSubjectToAmendments or Trigger.RecordQaResubmit).ToList();

    private ActionOption? Action(Trigger trigger) => view!.Actions.GetValueOrDefault(trigger);

    public static string Describe(QaOutcome outcome) => outcome switch
    {
        QaOutcome.Approved => "Approved",
        QaOutcome.ApprovedSubjectToAmendments => "Approved subject to amendments",
        QaOutcome.Resubmit => "Amend and resubmit",
        _ => outcome.ToString(),
    };

    private static string Documents(SubmissionChecklist c) => c.Items().Any(i => i.Item.Ticked)
        ? string.Join(", ", c.Items().Where(i => i.Item.Ticked)
            .Select(i => i.Name.Replace("the ", string.Empty, StringComparison.Ordinal) + (i.Item.DocumentId is { } id ? $" (document {id})" : string.Empty)))
        : "Not recorded";

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive && (view is null || (Version is int v && v != loadedVersion)))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor, ReviewId);
        if (!result.IsSuccess)
        {
            return; // the page shows the refusal
        }

        view = result.Value;
        loadedVersion = view.Version;
        var today = Clock.Today.ToDateTime(TimeOnly.MinValue);
        submission.SubmittedOn ??= today;
        submission.CommissionerCopyOn ??= today;
        qa.Date ??= today;
        amendmentsMadeOn ??= today;
        publication.PublishedOn ??= today;
    }

    private async Task ReloadAsync()
    {
        errors.Clear();
        await LoadAsync();
    }

    private Task SubmitAsync() => RunAsync(
        actor => Commands.SubmitAsync(actor, ReviewId, submission.ToInput(), view!.Version, idempotencyKey), () => submission = new());

    private Task RecordQaAsync() => RunAsync(
        actor => Commands.RecordQaOutcomeAsync(actor, ReviewId, qa.ToInput(), view!.Version, idempotencyKey), () => qa = new());

    private Task PublishAsync() => RunAsync(
        actor => Commands.PublishAsync(actor, ReviewId, publication.ToInput(), view!.Version, idempotencyKey), () => publication = new());

    private Task AmendmentsMadeAsync() => RunAsync(
        actor => Engine.FireAsync(ReviewId, new RecordAmendmentsMadeArgs
        {
            ExpectedVersion = view!.Version,
            Date = amendmentsMadeOn is { } d ? DateOnly.FromDateTime(d) : null,
        }, actor, idempotencyKey), () => amendmentsMadeOn = null);

    private async Task RunAsync(Func<Domain.Access.Actor, Task<Result<TransitionResult>>> command, Action reset) => await Run.RunAsync(command,
        Reviews.Recorded.Message,
        async _ =>
        {
            reset();
            idempotencyKey = Guid.NewGuid().ToString();
            await ReloadWithPageAsync();
        });

    private async Task TickAsync(FeedbackPointView point, bool addressed) =>
        await Run.RunAsync(actor => Commands.SetPointAddressedAsync(actor, point.Id, addressed), then: ReloadWithPageAsync);

    private async Task ReloadWithPageAsync()
    {
        await LoadAsync();
        await Changed.InvokeAsync();
    }
}
