using Workflows.Import;

namespace Portal.Features.Import;

/// GET /reviews/import/template.xlsx and .csv: the empty tracker template (headings only), for office staff.
internal static class ImportTemplateDownload
{
    public const string XlsxPath = "/reviews/import/template.xlsx";

    public const string CsvPath = "/reviews/import/template.csv";

    public static IEndpointRouteBuilder MapImportTemplate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(XlsxPath, () => Results.File(TrackerFile.XlsxTemplate(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "review-tracker-template.xlsx"))
            .RequireAuthorization(p => p.RequireRole(Domain.Access.Roles.ReviewOfficer, Domain.Access.Roles.Manager)).NoStore();
        endpoints.MapGet(CsvPath, () => Results.File(TrackerFile.CsvTemplate(), "text/csv; charset=utf-8", "review-tracker-template.csv"))
            .RequireAuthorization(p => p.RequireRole(Domain.Access.Roles.ReviewOfficer, Domain.Access.Roles.Manager)).NoStore();
        return endpoints;
    }
}
