using Domain;
using Domain.Budget;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Budget;

namespace Portal.Features.Budget;

public partial class BudgetContributions : BudgetSection
{
    private static readonly string[] Fields =
    [
        nameof(ContributionInput.PartnerOrganisationId), nameof(ContributionInput.PartnerName), nameof(ContributionInput.Amount),
        nameof(ContributionInput.InvoicedOn), nameof(ContributionInput.PaidOn), nameof(ContributionInput.Description), nameof(ContributionInput.NotDrawnDown),
    ];

    private ServerErrors errors => Run.Errors;
    private ContributionView? editing;
    private int? partnerId;
    private string? partnerName;
    private string? amount;
    private DateTime? invoiced;
    private DateTime? paid;
    private bool inKind;
    private string? description;
    private bool notDrawnDown;

    [Inject]
    private SaveContributionHandler SaveContribution { get; set; } = null!;

    [Inject]
    private DeleteContributionHandler DeleteContribution { get; set; } = null!;

    private void Edit(ContributionView c)
    {
        editing = c;
        (partnerId, partnerName, amount) = (c.PartnerOrganisationId, c.PartnerOrganisationId is null ? c.Partner : null, Money.ForInput(c.AmountPence));
        invoiced = c.InvoicedOn?.ToDateTime(TimeOnly.MinValue);
        paid = c.PaidOn?.ToDateTime(TimeOnly.MinValue);
        (inKind, description, notDrawnDown) = (c.InKind, c.Description, c.NotDrawnDown);
        errors.Clear();
    }

    private void Clear()
    {
        editing = null;
        (partnerId, partnerName, amount, invoiced, paid) = (null, null, null, null, null);
        (inKind, description, notDrawnDown) = (false, null, false);
        errors.Clear();
    }

    private async Task SaveAsync()
    {
        var input = new ContributionInput(editing?.Id, View.Year.StartYear, partnerId, partnerName, amount,
            !inKind && invoiced is DateTime i ? DateOnly.FromDateTime(i) : null, !inKind && paid is DateTime p ? DateOnly.FromDateTime(p) : null, editing?.Version,
            inKind, inKind ? description : null, !inKind && notDrawnDown);
        await Run.RunAsync(actor => SaveContribution.HandleAsync(actor, View.Office.Id, input), "Contribution saved.", () =>
        {
            Clear();
            return Changed.InvokeAsync();
        });
    }

    private Task DeleteAsync(ContributionView c) => DeleteAsync("Delete this contribution?",
        $"The contribution of {c.Partner} ({Money.Format(c.AmountPence)}) for {View.Year} will be removed from the statement.",
        actor => DeleteContribution.HandleAsync(actor, c.Id, c.Version), "Contribution deleted.");
}
