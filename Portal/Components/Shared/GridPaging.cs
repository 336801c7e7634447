using Domain;
using MudBlazor;
using Workflows;

namespace Portal.Components.Shared;

public static class GridPaging
{
    /// The grid's page and single sort column as the handlers' PageRequest (sorting, filtering and paging happen in the database).
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.OrderBy(s => s.Index).FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Result<PagedResult<T>> result) => result.IsSuccess
        ? new GridData<T> { Items = result.Value.Items, TotalItems = result.Value.TotalCount }
        : new GridData<T> { Items = [], TotalItems = 0 };

    /// After a filter changes: back to the first page (which reloads), or reload the first page in place.
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T> grid)
    {
        if (grid.CurrentPage == 0)
        {
            return grid.ReloadServerData();
        }

        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }
}
