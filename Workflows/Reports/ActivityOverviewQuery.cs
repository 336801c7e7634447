using System.Globalization;
using System.Linq.Expressions;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Domain.Profiles;
using Domain.Reports;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Profiles;

namespace Workflows.Reports;

/// The board's activity overview of one CSP or office as at a date: suppressed counts only, never a reference or a case.
public sealed record ActivityOverview(BoardScope Scope, DateOnly AsOf, IReadOnlyList<OverviewTable> Tables);

/// The activity overview for the board report's page and .docx (one source for both). It counts the reviews the board
/// report counts as notified: those the office or CSP leads, notified from the duty's start up to the date, each in the
/// financial year of its notification date. The case profile is read as it stands today (values keep no history) and
/// only through the at-rest protection, counted in memory and never logged. Who may read it: as the board report
/// (ReportAccess); a refusal is audited, and so is each view or export.
public sealed class ActivityOverviewQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest)
{
    public const string Subject = "Activity overview";

    public async Task<Result<ActivityOverview>> HandleAsync(Actor actor, int organisationId, DateOnly asOf, AuditAction action = AuditAction.Viewed,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var org = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        var id = organisationId.ToString(CultureInfo.InvariantCulture);
        if (org is null || !ReportAccess.Covers(actor, org))
        {
            await audit.RefusedAsync(db, actor, Subject, id, null, "activity overview", ct);
            return new AccessRefused("that activity overview");
        }

        var scope = new BoardScope(org.Id, org.Name, org.Kind == OrganisationKind.ReviewOffice);
        var reviews = await db.Reviews.AsNoTracking().Where(Counted(scope, asOf)).Select(r => new { r.Id, r.DateNotified }).ToListAsync(ct);
        var profiles = await CaseProfileQuery.KeyedValuesAsync(db, atRest, reviews.Select(r => r.Id).ToList(), ActivityOverviews.Keys, ct);
        var choices = await db.ProfileFields.AsNoTracking().Where(f => f.Key != null && ActivityOverviews.Keys.Contains(f.Key))
            .ToDictionaryAsync(f => f.Key!, f => f.Choices, ct);
        IReadOnlyList<string> Choices(string key) => ProfileRules.SplitLines(choices.GetValueOrDefault(key));

        var tables = ActivityOverviews.Compute(
            reviews.Select(r => new OverviewCase(BoardSummaries.FinancialYearOf(r.DateNotified),
                profiles.GetValueOrDefault(r.Id) ?? new Dictionary<string, string>())).ToList(),
            new OverviewDimensions(Choices(ProfileKeys.VictimSex), Choices(ProfileKeys.Relationship), Choices(ProfileKeys.DeathKind)),
            BoardSummaries.FinancialYearOf(asOf));
        audit.Add(db, actor, action, Subject, id,
            detail: $"{(action == AuditAction.Exported ? "activity overview exported" : "activity overview viewed")} as at {asOf:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new ActivityOverview(scope, asOf, tables);
    }

    /// The reviews the overview counts, as the board report's "Reviews notified": led by the office (or the CSP), notified
    /// from the duty's start up to the date (however late the review was registered).
    public static Expression<Func<Review, bool>> Counted(BoardScope scope, DateOnly asOf) =>
        scope.IsOffice
            ? r => r.LeadOfficeId == scope.OrganisationId && r.DateNotified >= BoardSummaries.DutyStart && r.DateNotified <= asOf
            : r => r.LeadCspId == scope.OrganisationId && r.DateNotified >= BoardSummaries.DutyStart && r.DateNotified <= asOf;
}
