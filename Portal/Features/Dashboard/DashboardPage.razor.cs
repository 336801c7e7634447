using Domain.Access;
using Domain.Reviews;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Time;
using Workflows.WorkItems;

namespace Portal.Features.Dashboard;

/// The manager's dashboard. The role check on the page keeps others out; the query checks again (and audits a refusal).
public partial class DashboardPage
{
    private ManagerDashboard? board;
    private string? error;
    private IReadOnlyList<string> csps = [];
    private IReadOnlyList<Stage> stages = [];
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];

    // One tick per review: offices run 5-15 open reviews, so whole numbers read best.
    private readonly StackedBarChartOptions chartOptions = new() { YAxisTicks = 1, MaxNumYAxisTicks = 16, YAxisTitle = "Open reviews" };

    [Inject]
    private ManagerDashboardQuery Dashboard { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var result = await Dashboard.HandleAsync(Actor);
        if (!result.IsSuccess)
        {
            error = result.Error!.Message;
            return;
        }

        board = result.Value;
        csps = board.OpenReviewsByStage.Select(s => s.Csp).Distinct().Order().ToList();
        stages = board.OpenReviewsByStage.Select(s => s.Stage).Distinct().Order().ToList();
        // CSP names are short enough to label the bars without overlapping; the stages go in the legend.
        labels = csps.ToArray();
        series = stages.Select(s => new ChartSeries<double> { Name = StageNames.Describe(s), Data = csps.Select(csp => (double)Count(csp, s)).ToArray() }).ToList();
    }

    private int Count(string csp, Stage stage) =>
        board!.OpenReviewsByStage.Where(s => s.Csp == csp && s.Stage == stage).Sum(s => s.Count);
}
