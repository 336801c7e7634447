using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Workflows;
using Workflows.Process;

namespace Portal.Features.Reviews;

public partial class Timeline
{
    private const int PageSize = 10;
    private readonly List<JournalRow> entries = [];
    private int total;
    private int loadedVersion = -1;
    private bool loading;
    private string? error;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    /// The review's Version: when it changes (a transition, a deadline) the timeline starts again from the newest.
    [Parameter, EditorRequired]
    public int Version { get; set; }

    [Inject]
    private ReviewJournalQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (Version != loadedVersion)
        {
            loadedVersion = Version;
            entries.Clear();
            await LoadPageAsync(0);
        }
    }

    private Task ShowMoreAsync() => LoadPageAsync(entries.Count / PageSize);

    private async Task LoadPageAsync(int page)
    {
        loading = true;
        try
        {
            // Newest first is the query's default order.
            var result = await Query.HandleAsync(Actor, ReviewId, new PageRequest(page, PageSize));
            if (!result.IsSuccess)
            {
                error = result.Error!.Message;
                return;
            }

            entries.AddRange(result.Value.Items.Where(e => entries.All(x => x.Id != e.Id)));
            total = result.Value.TotalCount;
        }
        finally
        {
            loading = false;
        }
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
