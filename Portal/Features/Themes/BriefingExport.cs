using System.Globalization;
using Workflows.Access;
using Workflows.Themes;

namespace Portal.Features.Themes;

/// GET /reviews/{id}/briefing.docx: the review's briefing as saved (or pre-filled, before the first save), for those who may
/// read it (BriefingAccess); audited as an export, a refusal audited by the query. A plain link, so it works under the CSP.
internal static class BriefingExport
{
    public static IEndpointConventionBuilder MapBriefingExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reviews/{id:int}/briefing.docx", async (HttpContext http, BriefingQuery query, int id, CancellationToken ct) =>
        {
            var result = await query.DownloadAsync(await http.ActorAsync(), id, ct);
            return result.IsSuccess
                ? Results.File(BriefingDocx.Build(result.Value), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.Value.FileName)
                : result.Error is Domain.AccessRefused ? Results.Forbid() : Results.Conflict(result.Error!.Message);
        }).RequireAuthorization().NoStore();

    public static string Link(int reviewId) => $"reviews/{reviewId.ToString(CultureInfo.InvariantCulture)}/briefing.docx";
}
