using Domain.Access;
using Microsoft.AspNetCore.Components;
using Workflows.Budget;

namespace Portal.Features.Budget;

public partial class BudgetPage
{
    private IReadOnlyList<BudgetOffice>? offices;
    private int officeId;
    private int? yearStart;
    private BudgetView? view;
    private string? error;

    [Inject]
    private BudgetQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // The view is audited: read it once, on the interactive render (not during prerendering too).
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        offices = await Query.OfficesAsync(Actor);
        if (offices.Count > 0)
        {
            officeId = offices[0].Id;
            await ReloadAsync();
        }
    }

    private async Task OfficeChangedAsync(int id)
    {
        officeId = id;
        yearStart = null;
        await ReloadAsync();
    }

    private async Task YearChangedAsync(int year)
    {
        yearStart = year;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var result = await Query.HandleAsync(Actor, officeId, yearStart);
        view = result.IsSuccess ? result.Value : null;
        error = result.Error?.Message;
    }
}
