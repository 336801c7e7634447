using Domain;
using Domain.Budget;
using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Budget;

namespace Portal.Features.Budget;

public partial class BudgetCosts : BudgetSection
{
    private static readonly string[] Fields =
    [
        nameof(CostInput.Kind), nameof(CostInput.ReviewId), nameof(CostInput.AuthorAppointmentId), nameof(CostInput.Amount), nameof(CostInput.On),
    ];

    private ServerErrors errors => Run.Errors;
    private CostKind? kind;
    private int? reviewId;
    private long? appointmentId;
    private string? amount;
    private DateTime? on;
    private string? description;

    [Inject]
    private SaveCostHandler SaveCost { get; set; } = null!;

    [Inject]
    private DeleteCostHandler DeleteCost { get; set; } = null!;

    private IEnumerable<AppointmentChoice> Appointments =>
        (Choices?.Appointments ?? []).Where(a => reviewId is null || a.ReviewId == reviewId);

    private void KindChanged(CostKind? value)
    {
        kind = value;
        appointmentId = null;
    }

    private void AppointmentChanged(long? id)
    {
        appointmentId = id;
        if (Choices?.Appointments.FirstOrDefault(a => a.Id == id) is { } a)
        {
            reviewId = a.ReviewId;
            amount = Money.ForInput(a.FeePence);
        }
    }

    private async Task SaveAsync()
    {
        var input = new CostInput(null, kind, reviewId, appointmentId, amount, on is DateTime d ? DateOnly.FromDateTime(d) : null, description, null);
        await Run.RunAsync(actor => SaveCost.HandleAsync(actor, View.Office.Id, input), "Cost saved.", () =>
        {
            (kind, reviewId, appointmentId, amount, on, description) = (null, null, null, null, null, null);
            return Changed.InvokeAsync();
        });
    }

    private Task DeleteAsync(CostView c) => DeleteAsync("Delete this cost?",
        $"The {BudgetCost.Describe(c.Kind).ToLowerInvariant()} of {UkDate.Format(c.On)} ({Money.Format(c.AmountPence)}) will be removed from the statement.",
        actor => DeleteCost.HandleAsync(actor, c.Id, c.Version), "Cost deleted.");
}
