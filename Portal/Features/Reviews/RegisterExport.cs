using System.Globalization;
using Domain.Calendar;
using Domain.Reviews;
using Workflows.Spreadsheets;
using Workflows.Access;
using Workflows.Reviews;

namespace Portal.Features.Reviews;

/// GET /reviews/export.csv with the register's filters: the rows the user may see, as CSV. Audited as an export.
internal static class RegisterExport
{
    public const string Path = "/reviews/export.csv";

    public static IEndpointConventionBuilder MapRegisterExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, ReviewRegisterQuery query,
            int? csp, ReviewType? type, Stage? stage, int? year, string? search, CancellationToken ct) =>
        {
            var rows = await query.ExportAsync(await http.ActorAsync(), new RegisterFilter(csp, type, stage, year, search), ct);
            var csv = new System.Text.StringBuilder(Csv.Line("Reference", "Case label", "Type", "Lead CSP", "Stage", "Date notified"));
            foreach (var r in rows)
            {
                csv.Append(Csv.Line(r.Reference, r.CaseLabel, StageNames.Describe(r.Type), r.LeadCsp, StageNames.Describe(r.Stage), UkDate.Format(r.DateNotified)));
            }

            return Results.File(Csv.Bytes(csv.ToString()), "text/csv; charset=utf-8", "review-register.csv");
        }).RequireAuthorization(p => p.RequireRole(Domain.Access.Roles.ReviewOfficer, Domain.Access.Roles.Manager, Domain.Access.Roles.DataProtectionOfficer, Domain.Access.Roles.IndependentAuthor)).NoStore();

    /// The export link for the register's current filters.
    public static string Link(int? csp, ReviewType? type, Stage? stage, int? year, string? search)
    {
        var query = new Dictionary<string, string?>
        {
            ["csp"] = csp?.ToString(CultureInfo.InvariantCulture),
            ["type"] = type?.ToString(),
            ["stage"] = stage?.ToString(),
            ["year"] = year?.ToString(CultureInfo.InvariantCulture),
            ["search"] = string.IsNullOrWhiteSpace(search) ? null : search,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path.TrimStart('/'), query.Where(q => q.Value is not null));
    }
}
