using Workflows.Access;
using Workflows.Documents;

namespace Portal.Features.Documents;

/// GET /documents/versions/{id}: the only way a stored document leaves the portal. The handler checks the kind's access
/// rule and audits; a refused or missing version gets the same "not found" answer.
internal static class DocumentDownloads
{
    public const string Prefix = "/documents/versions/";

    public static string Link(long versionId) => Prefix + versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEndpointConventionBuilder MapDocumentDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "{id:long}", async (long id, HttpContext http, DownloadDocumentHandler handler, CancellationToken ct) =>
        {
            var result = await handler.DownloadAsync(await http.ActorAsync(), id, ct);
            return result.IsSuccess
                ? Results.Stream(result.Value.Content, result.Value.ContentType, result.Value.FileName)
                : Results.NotFound();
        }).RequireAuthorization().NoStore();
}
