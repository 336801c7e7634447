using System.Globalization;
using Microsoft.AspNetCore.Components;
using Workflows.Reports;
using Workflows.Time;

namespace Portal.Features.Reports;

/// The board's "Reviews in progress" report. The query checks access (and audits each view) on the server.
public partial class BoardReportPage
{
    private IReadOnlyList<BoardScope> scopes = [];
    private BoardReport? report;
    private string? error;
    private int? orgId;
    private DateTime? asOfDate;

    [Inject]
    private BoardReportQuery Query { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "org")]
    public int? Org { get; set; }

    [SupplyParameterFromQuery(Name = "asOf")]
    public string? AsOf { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Each view is audited once: the prerender pass loads nothing.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var actor = await Actors.GetAsync();
        var allowed = await Query.ScopesAsync(actor);
        if (!allowed.IsSuccess)
        {
            error = allowed.Error!.Message;
            return;
        }

        scopes = allowed.Value;
        orgId = Org ?? (scopes.Count > 0 ? scopes[0].OrganisationId : null);
        var date = DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Clock.Today;
        asOfDate = date.ToDateTime(TimeOnly.MinValue);
        report = null;
        if (orgId is int org)
        {
            var result = await Query.HandleAsync(actor, org, date);
            if (!result.IsSuccess)
            {
                error = result.Error!.Message;
                return;
            }

            report = result.Value;
        }
    }

    private void OnScopeChanged(int? value) => Go(value, asOfDate);

    private void OnDateChanged(DateTime? value) => Go(orgId, value);

    private void Go(int? org, DateTime? date) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["org"] = org,
            ["asOf"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
}
