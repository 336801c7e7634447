using Domain.Reviews;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Elsewhere;
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
    private IReadOnlyList<ElsewhereRow> elsewhere = [];

    protected override async Task OnInitializedAsync()
    {
        csps = await Lookups.CspsAsync();
        await LoadElsewhereAsync();
    }

    /// The reviews led elsewhere follow the same search and filters (ReviewsLedElsewhereQuery says which apply).
    private async Task LoadElsewhereAsync() =>
        elsewhere = await LedElsewhere.ListAsync(Actor, new RegisterFilter(cspId, type, stage, year, search));

    private async Task<GridData<ReviewRow>> LoadAsync(GridState<ReviewRow> state, CancellationToken ct)
    {
        var result = await Register.HandleAsync(Actor, new RegisterFilter(cspId, type, stage, year, search), state.ToPageRequest(), ct);
        return new GridData<ReviewRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task OnSearch(string? value)
    {
        search = value;
        await grid.ReloadFromFirstPageAsync();
        await LoadElsewhereAsync();
    }

    private async Task Filter(Action set)
    {
        set();
        await grid.ReloadFromFirstPageAsync();
        await LoadElsewhereAsync();
    }
}
