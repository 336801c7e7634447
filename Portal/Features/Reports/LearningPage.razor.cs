using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Reports;

namespace Portal.Features.Reports;

/// Counts by theme across reviews and years, as a table and a chart. The query decides whose reviews count.
public partial class LearningPage
{
    private LearningReport? learning;
    private string? error;
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];
    private readonly BarChartOptions options = new() { YAxisTicks = 1, YAxisTitle = "Reviews" };

    [Inject]
    private LearningQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // Audited once per view: the prerender pass loads nothing.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var result = await Query.HandleAsync(Actor);
        if (!result.IsSuccess)
        {
            error = result.Error!.Message;
            return;
        }

        learning = result.Value;
        var used = learning.Rows.Where(r => r.Total > 0).ToList();
        labels = used.Select(r => r.Theme).ToArray();
        series = learning.Years.Select(y => new ChartSeries<double>
        {
            Name = y.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Data = used.Select(r => (double)r.ReviewsByYear.GetValueOrDefault(y)).ToArray(),
        }).ToList();
    }

    private static string RecurText(LearningRow row) =>
        string.Join(", ", row.ReviewsByYear.Where(y => y.Value > 0).OrderBy(y => y.Key)
            .Select(y => $"{y.Key} ({y.Value} {(y.Value == 1 ? "review" : "reviews")})"));
}
