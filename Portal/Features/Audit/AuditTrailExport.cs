using System.Globalization;
using Domain.Audit;
using Microsoft.AspNetCore.Mvc;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Time;

namespace Portal.Features.Audit;

/// POST /audit/export.csv with the audit page's filters as form fields: the matching audit rows as a .csv for the data
/// protection officer (administrators get the metadata without details, as on the page). A post with the page's
/// antiforgery token, not a link: an address another site could open in a signed-in officer's browser would export
/// (and audit an export of) the trail without them asking. A plain form, so it works under the Content-Security-Policy.
internal static class AuditTrailExport
{
    public const string Path = "/audit/export.csv";

    /// Any signed-in person reaches the handler, so that a refusal (another role) is audited by the query's rule rather
    /// than turned away unrecorded; the query is the gate. Binding form fields makes the antiforgery middleware check the
    /// token first: a post without it is refused (RefusedForms) before the handler runs.
    public static IEndpointConventionBuilder MapAuditTrailExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (HttpContext http, SearchAuditQuery query, BusinessClock clock,
            [FromForm] string? from, [FromForm] string? to, [FromForm] string? user, [FromForm] string? reference, [FromForm] AuditAction? action,
            [FromForm] string? subject, CancellationToken ct) =>
        {
            var result = await query.ExportAsync(await http.ActorAsync(), new AuditFilter(Date(from), Date(to), user, reference, action, subject), ct);
            return result.IsSuccess
                ? Results.File(AuditCsv.Build(result.Value), "text/csv; charset=utf-8", AuditCsv.FileName(clock.Today))
                : Results.Forbid();
        }).RequireAuthorization().NoStore();

    /// The form fields of a filter, as the page posts them.
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(AuditFilter filter) => new Dictionary<string, string?>
    {
        ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["user"] = string.IsNullOrWhiteSpace(filter.User) ? null : filter.User.Trim(),
        ["reference"] = string.IsNullOrWhiteSpace(filter.CaseReference) ? null : filter.CaseReference.Trim(),
        ["action"] = filter.Action?.ToString(),
        ["subject"] = string.IsNullOrWhiteSpace(filter.Subject) ? null : filter.Subject,
    }.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)).ToList();

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
