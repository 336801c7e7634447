using System.Globalization;
using Domain.Audit;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Time;

namespace Portal.Features.Audit;

/// GET /audit/export.csv with the audit page's filters: the matching audit rows as a .csv for the data protection
/// officer (administrators get the metadata without details, as on the page). A plain link, so it works under the
/// Content-Security-Policy.
internal static class AuditTrailExport
{
    public const string Path = "/audit/export.csv";

    /// Any signed-in person reaches the handler, so that a refusal (another role, a typed-in address) is audited by the
    /// query's rule rather than turned away unrecorded; the query is the gate.
    public static IEndpointConventionBuilder MapAuditTrailExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, SearchAuditQuery query, BusinessClock clock,
            string? from, string? to, string? user, string? reference, AuditAction? action, string? subject, CancellationToken ct) =>
        {
            var result = await query.ExportAsync(await http.ActorAsync(), new AuditFilter(Date(from), Date(to), user, reference, action, subject), ct);
            return result.IsSuccess
                ? Results.File(AuditCsv.Build(result.Value), "text/csv; charset=utf-8", AuditCsv.FileName(clock.Today))
                : Results.Forbid();
        }).RequireAuthorization().NoStore();

    public static string Link(AuditFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = string.IsNullOrWhiteSpace(filter.User) ? null : filter.User.Trim(),
            ["reference"] = string.IsNullOrWhiteSpace(filter.CaseReference) ? null : filter.CaseReference.Trim(),
            ["action"] = filter.Action?.ToString(),
            ["subject"] = string.IsNullOrWhiteSpace(filter.Subject) ? null : filter.Subject,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path.TrimStart('/'), query.Where(q => q.Value is not null));
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
