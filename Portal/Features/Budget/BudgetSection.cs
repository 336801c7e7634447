using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Budget;

namespace Portal.Features.Budget;

/// What the budget page's editable sections share: the year's view, the handlers, the form choices and the
/// confirmation asked before a line is deleted.
public abstract class BudgetSection : ComponentBase
{
    [Parameter, EditorRequired]
    public BudgetView View { get; set; } = null!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    protected BudgetQuery Query { get; set; } = null!;

    [CascadingParameter]
    protected Actor Actor { get; set; } = null!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = null!;

    /// The section's commands: its form's errors, and a refused delete, show in its ErrorSummary.
    [Inject]
    protected CommandRunner Run { get; set; } = null!;

    protected BudgetChoices? Choices { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (View.Office.CanEdit)
        {
            var result = await Query.ChoicesAsync(Actor, View.Office.Id);
            Choices = result.IsSuccess ? result.Value : null;
        }
    }

    /// Asks first, deletes, says what happened and reloads the page's view.
    protected async Task DeleteAsync(string title, string message, Func<Domain.Access.Actor, Task<Domain.Result<bool>>> delete, string done)
    {
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = "Delete", CancelText = "Cancel" }) != true)
        {
            return;
        }

        await Run.RunAsync(delete, done, () => Changed.InvokeAsync());
    }
}
