using Domain.Budget;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Budget;

namespace Portal.Features.Budget;

public partial class BudgetCosts
{
    private static readonly string[] Fields =
    [
        nameof(CostInput.Kind), nameof(CostInput.ReviewId), nameof(CostInput.AuthorAppointmentId), nameof(CostInput.Amount), nameof(CostInput.On),
    ];

    private readonly ServerErrors errors = new();
    private BudgetChoices? choices;
    private CostKind? kind;
    private int? reviewId;
    private long? appointmentId;
    private string? amount;
    private DateTime? on;
    private string? description;
    private bool saving;

    [Parameter, EditorRequired]
    public BudgetView View { get; set; } = null!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private BudgetCommands Commands { get; set; } = null!;

    [Inject]
    private BudgetQuery Query { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private IEnumerable<AppointmentChoice> Appointments =>
        (choices?.Appointments ?? []).Where(a => reviewId is null || a.ReviewId == reviewId);

    protected override async Task OnInitializedAsync()
    {
        var result = await Query.ChoicesAsync(await Actors.GetAsync(), View.Office.Id);
        choices = result.IsSuccess ? result.Value : null;
    }

    private void KindChanged(CostKind? value)
    {
        kind = value;
        appointmentId = null;
    }

    private void AppointmentChanged(long? id)
    {
        appointmentId = id;
        if (choices?.Appointments.FirstOrDefault(a => a.Id == id) is { } a)
        {
            reviewId = a.ReviewId;
            amount = Money.ToInput(a.FeePence);
        }
    }

    private async Task SaveAsync()
    {
        saving = true;
        var input = new CostInput(null, kind, reviewId, appointmentId, amount, on is DateTime d ? DateOnly.FromDateTime(d) : null, description, null);
        var result = await Commands.SaveCostAsync(await Actors.GetAsync(), View.Office.Id, input);
        saving = false;
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            Snackbar.Add("Cost saved.", Severity.Success);
            (kind, reviewId, appointmentId, amount, on, description) = (null, null, null, null, null, null);
            await Changed.InvokeAsync();
        }
    }

    private async Task DeleteAsync(CostView c)
    {
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = "Delete this cost?",
                Message = $"The {BudgetCost.Describe(c.Kind).ToLowerInvariant()} of {Formats.Date(c.On)} ({Money.Format(c.AmountPence)}) will be removed from the statement.",
                YesText = "Delete",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        var result = await Commands.DeleteCostAsync(await Actors.GetAsync(), c.Id, c.Version);
        Snackbar.Add(result.IsSuccess ? "Cost deleted." : result.Error!.Message, result.IsSuccess ? Severity.Success : Severity.Error);
        await Changed.InvokeAsync();
    }
}
