using System.Globalization;
using Domain.Audit;
using Workflows.Access;
using Workflows.Reports;
using Workflows.Time;

namespace Portal.Features.Reports;

/// GET /reports/board.docx?org=ID&asOf=yyyy-MM-dd: the board report as a Word document, audited as an export.
/// A plain link (no script) so it works under the Content-Security-Policy.
internal static class BoardReportExport
{
    public const string Path = "/reports/board.docx";

    public static IEndpointConventionBuilder MapBoardReportExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, BoardReportQuery query, ActivityOverviewQuery overviewQuery, Workflows.Budget.BudgetQuery budgets,
            BoardActionsQuery actionsQuery, BusinessClock clock, int org, string? asOf, CancellationToken ct) =>
        {
            var actor = await http.ActorAsync();
            var date = DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : clock.Today;
            var result = await query.HandleAsync(actor, org, date, AuditAction.Exported, ct);
            if (!result.IsSuccess)
            {
                return Results.Forbid();
            }

            var overview = await overviewQuery.HandleAsync(actor, org, date, AuditAction.Exported, ct);
            if (!overview.IsSuccess)
            {
                return Results.Forbid();
            }

            var actions = await actionsQuery.HandleAsync(actor, org, date, AuditAction.Exported, ct);
            if (!actions.IsSuccess)
            {
                return Results.Forbid();
            }

            return Results.File(BoardReportDocx.Build(result.Value, overview.Value, await budgets.ForBoardAsync(actor, result.Value.Scope, date, ct), actions.Value),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                FileName(result.Value.Scope.Name, date));
        }).RequireAuthorization(p => p.RequireRole(Domain.Access.Roles.BoardMember, Domain.Access.Roles.ReviewOfficer, Domain.Access.Roles.Manager)).NoStore();

    /// The organisation's name and the date only: no internal id, and no personal data (a board report names no one).
    public static string FileName(string organisation, DateOnly asOf)
    {
        var words = new string(organisation.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return $"board-report-{string.Join('-', words)}-{asOf:yyyy-MM-dd}.docx";
    }

    public static string Link(int org, DateOnly asOf) =>
        $"{Path.TrimStart('/')}?org={org.ToString(CultureInfo.InvariantCulture)}&asOf={asOf:yyyy-MM-dd}";
}
