using Domain.Budget;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Budget;

namespace Portal.Features.Budget;

public partial class BudgetContributions
{
    private static readonly string[] Fields =
    [
        nameof(ContributionInput.PartnerOrganisationId), nameof(ContributionInput.PartnerName), nameof(ContributionInput.Amount),
        nameof(ContributionInput.InvoicedOn), nameof(ContributionInput.PaidOn),
    ];

    private readonly ServerErrors errors = new();
    private ContributionView? editing;
    private int? partnerId;
    private string? partnerName;
    private string? amount;
    private DateTime? invoiced;
    private DateTime? paid;
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

    private BudgetChoices? Choices { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (View.Office.CanEdit)
        {
            var choices = await Query.ChoicesAsync(await Actors.GetAsync(), View.Office.Id);
            Choices = choices.IsSuccess ? choices.Value : null;
        }
    }

    private void Edit(ContributionView c)
    {
        editing = c;
        (partnerId, partnerName, amount) = (c.PartnerOrganisationId, c.PartnerOrganisationId is null ? c.Partner : null, Money.ToInput(c.AmountPence));
        invoiced = c.InvoicedOn?.ToDateTime(TimeOnly.MinValue);
        paid = c.PaidOn?.ToDateTime(TimeOnly.MinValue);
        errors.Clear();
    }

    private void Clear()
    {
        editing = null;
        (partnerId, partnerName, amount, invoiced, paid) = (null, null, null, null, null);
        errors.Clear();
    }

    private async Task SaveAsync()
    {
        saving = true;
        var input = new ContributionInput(editing?.Id, View.Year.StartYear, partnerId, partnerName, amount,
            invoiced is DateTime i ? DateOnly.FromDateTime(i) : null, paid is DateTime p ? DateOnly.FromDateTime(p) : null, editing?.Version);
        var result = await Commands.SaveContributionAsync(await Actors.GetAsync(), View.Office.Id, input);
        saving = false;
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            Snackbar.Add("Contribution saved.", Severity.Success);
            Clear();
            await Changed.InvokeAsync();
        }
    }

    private async Task DeleteAsync(ContributionView c)
    {
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = "Delete this contribution?",
                Message = $"The contribution of {c.Partner} ({Money.Format(c.AmountPence)}) for {View.Year} will be removed from the statement.",
                YesText = "Delete",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        var result = await Commands.DeleteContributionAsync(await Actors.GetAsync(), c.Id, c.Version);
        Snackbar.Add(result.IsSuccess ? "Contribution deleted." : result.Error!.Message, result.IsSuccess ? Severity.Success : Severity.Error);
        await Changed.InvokeAsync();
    }
}
