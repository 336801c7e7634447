using System.Globalization;
using Domain.ActionPlans;
using Domain.Calendar;
using Domain.Reviews;
using Workflows.Access;
using Workflows.ActionPlans;
using Workflows.Spreadsheets;

namespace Portal.Features.ActionPlans;

/// GET /actions/plan/export.xlsx and .csv with the master plan's filters: the rows the user may see (agency contacts:
/// their agencies' actions), audited as an export. Plain links, so the browser downloads them (no script: CSP).
internal static class ActionPlanExport
{
    public const string XlsxPath = "/actions/plan/export.xlsx";
    public const string CsvPath = "/actions/plan/export.csv";

    private static readonly string[] Headings =
        ["Reference", "Case label", "Lead CSP", "Action", "Level", "What will be done", "Owner", "Due", "Status", "Latest update on", "Latest update", "Themes",
            "Signed off", "Impact review"];

    public static IEndpointRouteBuilder MapActionPlanExport(this IEndpointRouteBuilder endpoints)
    {
        string[] roles = [Domain.Access.Roles.ReviewOfficer, Domain.Access.Roles.Manager, Domain.Access.Roles.DataProtectionOfficer, Domain.Access.Roles.AgencyContact,
            Domain.Access.Roles.ActionPlanManager];
        endpoints.MapGet(XlsxPath, async (HttpContext http, MasterActionPlanQuery query,
            int? agency, int? csp, int? theme, ActionDisplayStatus? status, int? review, CancellationToken ct) =>
        {
            var rows = await query.ExportAsync(await http.ActorAsync(), new ActionPlanFilter(agency, csp, theme, status, review), "xlsx", ct);
            return Results.File(Xlsx.Write("Action plan", Headings, rows.Select(Cells)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "action-plan.xlsx");
        }).RequireAuthorization(p => p.RequireRole(roles)).NoStore();
        endpoints.MapGet(CsvPath, async (HttpContext http, MasterActionPlanQuery query,
            int? agency, int? csp, int? theme, ActionDisplayStatus? status, int? review, CancellationToken ct) =>
        {
            var rows = await query.ExportAsync(await http.ActorAsync(), new ActionPlanFilter(agency, csp, theme, status, review), "csv", ct);
            var csv = new System.Text.StringBuilder(Csv.Line(Headings));
            foreach (var r in rows)
            {
                csv.Append(Csv.Line(Cells(r)));
            }

            return Results.File(Csv.Bytes(csv.ToString()), "text/csv; charset=utf-8", "action-plan.csv");
        }).RequireAuthorization(p => p.RequireRole(roles)).NoStore();
        return endpoints;
    }

    /// The export link for the current filters.
    public static string Link(string path, ActionPlanFilter f)
    {
        var query = new Dictionary<string, string?>
        {
            ["agency"] = f.AgencyId?.ToString(CultureInfo.InvariantCulture),
            ["csp"] = f.CspId?.ToString(CultureInfo.InvariantCulture),
            ["theme"] = f.ThemeId?.ToString(CultureInfo.InvariantCulture),
            ["status"] = f.Status?.ToString(),
            ["review"] = f.ReviewId?.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path.TrimStart('/'), query.Where(q => q.Value is not null));
    }

    private static string[] Cells(ActionPlanRow r) =>
    [
        r.Reference, r.CaseLabel, r.LeadCsp, r.Label, Recommendation.Describe(r.Level), r.What, r.OwnerAgency, UkDate.Format(r.DueDate),
        ActionStatuses.Describe(r.Status), r.LatestUpdateOn is DateOnly on ? UkDate.Format(on) : string.Empty, r.LatestUpdate ?? string.Empty, r.Themes, r.SignedOffOn is DateOnly s ? UkDate.Format(s) : string.Empty,
        r.Impact is ImpactOutcome o ? ActionStatuses.Describe(o) : string.Empty,
    ];
}
