using System.Globalization;
using Workflows.Access;
using Workflows.Profiles;

namespace Portal.Features.Profiles;

/// GET /reviews/{id}/data-collection-form.docx: the review's data collection form, for those who may read its case
/// profile; audited as an export (the query checks access and audits a refusal). A plain link, so it works under the CSP.
internal static class DataCollectionFormExport
{
    public static IEndpointConventionBuilder MapDataCollectionFormExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reviews/{id:int}/data-collection-form.docx", async (HttpContext http, DataCollectionFormQuery query, int id, CancellationToken ct) =>
        {
            var result = await query.HandleAsync(await http.ActorAsync(), id, ct);
            return result.IsSuccess
                ? Results.File(DataCollectionFormDocx.Build(result.Value), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    result.Value.FileName)
                : Results.Forbid();
        }).RequireAuthorization().NoStore();

    public static string Link(int reviewId) => $"reviews/{reviewId.ToString(CultureInfo.InvariantCulture)}/data-collection-form.docx";
}
