using Domain.Reviews;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Reviews;

namespace Portal.Features.Reviews;

public partial class ReviewRegister
{
    private MudDataGrid<ReviewRow> grid = null!;
    private IReadOnlyList<OrganisationOption> csps = [];
    private string? search;
    private int? cspId;
    private ReviewType? type;
    private Stage? stage;
    private int? year;

    protected override async Task OnInitializedAsync() => csps = await Lookups.CspsAsync();

    private async Task<GridData<ReviewRow>> LoadAsync(GridState<ReviewRow> state, CancellationToken ct)
    {
        var result = await Register.HandleAsync(Actor, new RegisterFilter(cspId, type, stage, year, search), state.ToPageRequest(), ct);
        return new GridData<ReviewRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private Task OnSearch(string? value)
    {
        search = value;
        return grid.ReloadFromFirstPageAsync();
    }

    private Task Filter(Action set)
    {
        set();
        return grid.ReloadFromFirstPageAsync();
    }
}
