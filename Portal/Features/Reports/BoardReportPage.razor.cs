using System.Globalization;
using Domain.Access;
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
    private (int? Org, DateOnly AsOf)? shown;

    [Inject]
    private BoardReportQuery Query { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

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

        var date = DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Clock.Today;
        // The picker's own value is set first (below, in OnDateChanged), so the render during the load shows the date
        // chosen; a report already shown for this scope and date is not read (nor audited) again.
        asOfDate = date.ToDateTime(TimeOnly.MinValue);
        if (shown == (Org, date))
        {
            return;
        }

        var allowed = await Query.ScopesAsync(Actor);
        if (!allowed.IsSuccess)
        {
            error = allowed.Error!.Message;
            return;
        }

        scopes = allowed.Value;
        orgId = Org ?? (scopes.Count > 0 ? scopes[0].OrganisationId : null);
        shown = (Org, date);
        error = null;
        report = null;
        if (orgId is int org)
        {
            var result = await Query.HandleAsync(Actor, org, date);
            if (!result.IsSuccess)
            {
                error = result.Error!.Message;
                return;
            }

            report = result.Value;
        }
    }

    private void OnScopeChanged(int? value)
    {
        if (value is not null && value != orgId)
        {
            orgId = value;
            Go(orgId, asOfDate);
        }
    }

    // MudDatePicker raises DateChanged when its Date parameter is set by this page too, not only when a person picks
    // or types a date: a change that is no change is ignored, and the new date is held before navigating, so the
    // render in between does not hand the picker the old date (which it raised back: the page flipped for ever).
    private void OnDateChanged(DateTime? value)
    {
        if (value is DateTime chosen && chosen.Date != asOfDate?.Date)
        {
            asOfDate = chosen.Date;
            Go(orgId, asOfDate);
        }
    }

    private void Go(int? org, DateTime? date) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["org"] = org,
            ["asOf"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
}
