using Domain.Access;
using Domain.Reviews;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Elsewhere;

namespace Portal.Features.Elsewhere;

public partial class ElsewherePage
{
    private ElsewhereView? view;
    private string? refused;
    private bool editing;
    private ElsewhereForm form = new();
    private ElsewhereOptions? options;
    private DateTime? asAt;
    private ElsewhereStage? stage;
    private string? text;

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private ReviewsLedElsewhereQuery Query { get; set; } = null!;

    [Inject]
    private ChangeReviewLedElsewhereHandler Change { get; set; } = null!;

    [Inject]
    private AddElsewhereUpdateHandler Updates { get; set; } = null!;

    // One runner per form, so each keeps its own messages.
    [Inject]
    private CommandRunner Edit { get; set; } = null!;

    [Inject]
    private CommandRunner Update { get; set; } = null!;

    private ServerErrors editErrors => Edit.Errors;

    private ServerErrors updateErrors => Update.Errors;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Query.GetAsync(Actor, Id);
        view = result.IsSuccess ? result.Value : null;
        refused = result.IsSuccess ? null : result.Error!.Message;
        if (view is not null)
        {
            // The next update starts from where the review stands. A form being edited keeps what was typed (after a
            // conflict, the reload brings the latest version to save over).
            stage ??= view.Latest?.Stage;
        }
    }

    private async Task StartEditAsync()
    {
        options ??= await Query.OptionsAsync(Actor);
        form = ElsewhereForm.From(view!.Details);
        editing = true;
    }

    private void CancelEdit()
    {
        editing = false;
        Edit.Errors.Clear();
    }

    private Task<bool> SaveAsync() =>
        Edit.RunAsync(actor => Change.HandleAsync(actor, new ChangeReviewLedElsewhere(Id, form.ToDetails(), view!.Version)), "Details saved.", async () =>
        {
            editing = false;
            await LoadAsync();
        });

    private Task<bool> AddUpdateAsync()
    {
        var on = asAt is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        return Update.RunAsync(actor => Updates.HandleAsync(actor, new AddElsewhereUpdate(Id, on, stage, text)), "Update added.", async () =>
        {
            (asAt, text) = (null, null);
            await LoadAsync();
        });
    }
}
