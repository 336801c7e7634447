using System.Security.Claims;
using Workflows.Access;
using Workflows.Data;
using Workflows.Documents;

namespace Portal.Features.Documents;

/// GET /documents/versions/{id}: the only way a stored document leaves the portal. The handler checks the kind's access
/// rule and audits; a refused or missing version gets the same "not found" answer.
internal static class DocumentDownloads
{
    public const string Prefix = "/documents/versions/";

    public static string Link(long versionId) => Prefix + versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEndpointConventionBuilder MapDocumentDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "{id:long}", async (long id, HttpContext http, IReviewDbFactory dbs, DownloadDocumentHandler handler, CancellationToken ct) =>
        {
            Domain.Access.Actor actor;
            await using (var db = await dbs.CreateAsync(ct))
            {
                actor = await ActorLoader.LoadAsync(db, http.User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
            }

            var result = await handler.DownloadAsync(actor, id, ct);
            if (!result.IsSuccess)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Stream(result.Value.Content, result.Value.ContentType, result.Value.FileName);
        }).RequireAuthorization();
}
