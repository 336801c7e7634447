using Domain.Access;
using Domain.ActionPlans;
using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.ActionPlans;

namespace Portal.Features.ActionPlans;

public partial class ActionPage
{
    private ActionDetail? action;
    private string? refused;
    private bool viewed;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private ActionPlanQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    protected override Task OnParametersSetAsync() => RendererInfo.IsInteractive ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        // The view is audited once per visit (not on prerender, nor on each reload after a change).
        var result = await Query.ForActionAsync(Actor, Id, recordView: !viewed);
        viewed = true;
        if (result.IsSuccess)
        {
            action = result.Value;
        }
        else
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
        }
    }

    private string ImpactText() => action!.ImpactOutcome is ImpactOutcome outcome
        ? $"{ActionStatuses.Describe(outcome)}: {action.ImpactComment}"
        : action.ImpactRequestedOn is DateOnly asked
            ? $"Asked on {UkDate.Format(asked)}, not answered yet."
            : action.ImpactReviewDueOn is DateOnly due ? $"Due on {UkDate.Format(due)}." : "Not planned.";

    private static string Describe(ActionUpdateKind kind) => kind switch
    {
        ActionUpdateKind.Progress => "Progress update",
        ActionUpdateKind.SignedOff => "Signed off",
        ActionUpdateKind.Returned => "Returned",
        ActionUpdateKind.ImpactReview => "Impact review",
        _ => kind.ToString(),
    };
}
