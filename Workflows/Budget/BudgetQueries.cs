using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Budget;
using Domain.Calendar;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Reports;
using Workflows.Time;

namespace Workflows.Budget;

/// Who may do what with an office's pooled budget: its officers and managers keep it; board members who belong to
/// the office (the partnership's board) read the statement only.
public static class BudgetAccess
{
    public static bool CanEdit(Actor actor, int officeId) => actor.IsOfficeStaff && actor.OfficeIds.Contains(officeId);

    public static bool CanRead(Actor actor, int officeId) => CanEdit(actor, officeId) || (actor.Is(Role.BoardMember) && actor.OfficeIds.Contains(officeId));
}

public sealed record BudgetOffice(int Id, string Name, bool CanEdit);

public sealed record ContributionView(long Id, int YearStart, int? PartnerOrganisationId, string Partner, long AmountPence, DateOnly? InvoicedOn, DateOnly? PaidOn, int Version,
    bool InKind, string? Description, bool NotDrawnDown, ContributionState State);

public sealed record CostView(long Id, int YearStart, int? ReviewId, string? Review, CostKind Kind, long AmountPence, DateOnly On, long? AuthorAppointmentId,
    string? Description, int Version);

public sealed record BudgetSettingsView(int FirstYearStart, long FirstYearOpeningReservePence, decimal ExpectedReviewsPerYear, int Version,
    decimal PayAwardPercent, decimal ContributionChangePercent);

/// The budget page: the office's settings, every year's statement from the first year to next year, the chosen year's
/// budget against actual (with the versions of its lines, for the form), contributions, who pays and who does not, (for
/// office staff) its cost lines, next year's forecast beside its scenario (pay award, contribution rate), and the
/// estimate per review from the year's budget lines.
public sealed record BudgetView(
    BudgetOffice Office, BudgetSettingsView? Settings, FinancialYear Year, IReadOnlyList<YearStatement> Statements, YearStatement? Statement,
    IReadOnlyList<LineAgainstBudget> AgainstBudget, IReadOnlyDictionary<BudgetLineKind, int> LineVersions,
    IReadOnlyList<ContributionView> Contributions, IReadOnlyList<PartnerLine> Partners, IReadOnlyList<CostView> Costs, BudgetForecast? Forecast,
    BudgetForecast? Scenario, long? EstimatePerReviewPence);

public sealed record BudgetChoice(int Id, string Name);

/// A chair/author appointment of one of the office's reviews, with its agreed fee (for a fee line).
public sealed record AppointmentChoice(long Id, int ReviewId, string Label, long FeePence);

/// What the forms offer: partners (the CSPs the office serves and the agencies), the reviews the office leads and
/// their chair/author appointments.
public sealed record BudgetChoices(IReadOnlyList<BudgetChoice> Partners, IReadOnlyList<BudgetChoice> Reviews, IReadOnlyList<AppointmentChoice> Appointments);

public sealed class BudgetQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<IReadOnlyList<BudgetOffice>> OfficesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var ids = actor.OfficeIds.ToArray();
        var offices = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.ReviewOffice && ids.Contains(o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return offices.Where(o => BudgetAccess.CanRead(actor, o.Id)).Select(o => new BudgetOffice(o.Id, o.Name, BudgetAccess.CanEdit(actor, o.Id))).ToList();
    }

    /// The budget statement for a board report of a review office as at a date (the financial year it falls in), when the
    /// reader may see the office's budget and it is set up; null otherwise (a CSP's report, another office's reader).
    public async Task<BudgetView?> ForBoardAsync(Actor actor, BoardScope scope, DateOnly asOf, CancellationToken ct = default)
    {
        if (!scope.IsOffice || !BudgetAccess.CanRead(actor, scope.OrganisationId))
        {
            return null;
        }

        var view = await HandleAsync(actor, scope.OrganisationId, FinancialYear.Of(asOf).StartYear, ct);
        return view.IsSuccess && view.Value.Settings is not null ? view.Value : null;
    }

    public async Task<Result<BudgetView>> HandleAsync(Actor actor, int officeId, int? yearStart, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!BudgetAccess.CanRead(actor, officeId))
        {
            await audit.RefusedAsync(db, actor, "PooledBudget", officeId.ToString(), null, "view the pooled budget", ct);
            return new AccessRefused("this office's pooled budget");
        }

        var office = await db.Organisations.AsNoTracking().Where(o => o.Id == officeId).Select(o => new BudgetOffice(o.Id, o.Name, BudgetAccess.CanEdit(actor, officeId)))
            .SingleAsync(ct);
        var today = clock.Today;
        var current = FinancialYear.Of(today);
        var year = yearStart is int y ? new FinancialYear(y) : current;
        var settings = await db.PooledBudgets.AsNoTracking().Where(b => b.OfficeId == officeId)
            .Select(b => new BudgetSettingsView(b.FirstYearStart, b.FirstYearOpeningReservePence, b.ExpectedReviewsPerYear, b.Version, b.PayAwardPercent, b.ContributionChangePercent)).SingleOrDefaultAsync(ct);

        var contributions = await db.BudgetContributions.AsNoTracking().Where(c => c.OfficeId == officeId)
            .Select(c => new { c.Id, c.FinancialYearStart, c.PartnerOrganisationId, c.PartnerName, c.AmountPence, c.InvoicedOn, c.PaidOn, c.Version, c.InKind, c.Description, c.NotDrawnDown })
            .ToListAsync(ct);
        var partnerIds = contributions.Where(c => c.PartnerOrganisationId != null).Select(c => c.PartnerOrganisationId!.Value).Distinct().ToList();
        var partners = await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string PartnerOf(int? organisationId, string? name) => name ?? partners.GetValueOrDefault(organisationId ?? 0, "?");
        var csps = await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Kind == OrganisationKind.Csp && o.ServingOfficeId == officeId)
            .Select(o => o.Name).ToListAsync(ct);
        var costs = await db.BudgetCosts.AsNoTracking().Where(c => c.OfficeId == officeId).ToListAsync(ct);
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.OfficeId == officeId && l.FinancialYearStart == year.StartYear).ToListAsync(ct);
        var reviewIds = costs.Where(c => c.ReviewId != null).Select(c => c.ReviewId!.Value).Distinct().ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Reference + " " + r.CaseLabel, ct);

        IReadOnlyList<YearStatement> statements = [];
        BudgetForecast? forecast = null;
        BudgetForecast? scenario = null;
        var spend = costs.Select(c => new CostFact(c.FinancialYearStart, c.ReviewId, c.Kind, c.AmountPence)).ToList();
        if (settings is not null)
        {
            var first = new FinancialYear(settings.FirstYearStart);
            var income = contributions.Select(c => new ContributionFact(c.FinancialYearStart, c.AmountPence, c.PaidOn != null, c.InKind, c.NotDrawnDown)).ToList();
            var last = new[] { current.Next, year, first }.Max();
            statements = BudgetLedger.Statements(first, settings.FirstYearOpeningReservePence, income, spend, last);
            forecast = BudgetLedger.Forecast(first, settings.FirstYearOpeningReservePence, settings.ExpectedReviewsPerYear, income, spend, today);
            scenario = BudgetLedger.Scenario(forecast, statements.SingleOrDefault(s => s.Year == current)?.IncomePence ?? 0,
                settings.PayAwardPercent, settings.ContributionChangePercent);
        }

        var heads = BudgetLedger.AgainstBudget(year, lines.Select(l => new BudgetLineFact(l.FinancialYearStart, l.Kind, l.AmountPence)).ToList(), spend);
        audit.Add(db, actor, AuditAction.Viewed, "PooledBudget", officeId.ToString(), detail: $"statement {year}");
        await db.SaveChangesAsync(ct);
        return new BudgetView(
            office, settings, year, statements, statements.SingleOrDefault(s => s.Year == year),
            heads,
            lines.ToDictionary(l => l.Kind, l => l.Version),
            contributions.Where(c => c.FinancialYearStart == year.StartYear).OrderBy(c => PartnerOf(c.PartnerOrganisationId, c.PartnerName)).ThenBy(c => c.InKind)
                .Select(c => new ContributionView(c.Id, c.FinancialYearStart, c.PartnerOrganisationId, PartnerOf(c.PartnerOrganisationId, c.PartnerName), c.AmountPence,
                    c.InvoicedOn, c.PaidOn, c.Version, c.InKind, c.Description, c.NotDrawnDown, ContributionStates.Of(year, c.InvoicedOn, c.PaidOn, c.NotDrawnDown))).ToList(),
            // Last year's contributors and the office's CSPs are expected to pay: those who do not are listed with nothing.
            BudgetLedger.Partners(year,
                contributions.Select(c => (PartnerOf(c.PartnerOrganisationId, c.PartnerName),
                    new ContributionFact(c.FinancialYearStart, c.AmountPence, c.PaidOn != null, c.InKind, c.NotDrawnDown))).ToList(),
                csps.Concat(contributions.Where(c => c.FinancialYearStart == year.StartYear - 1).Select(c => PartnerOf(c.PartnerOrganisationId, c.PartnerName)))),
            // Board members read the statement only: the cost lines name reviews.
            office.CanEdit
                ? costs.Where(c => c.FinancialYearStart == year.StartYear).OrderBy(c => c.On).ThenBy(c => c.Id)
                    .Select(c => new CostView(c.Id, c.FinancialYearStart, c.ReviewId, c.ReviewId is int r ? reviews.GetValueOrDefault(r) : null, c.Kind, c.AmountPence, c.On,
                        c.AuthorAppointmentId, c.Description, c.Version)).ToList()
                : [],
            forecast, scenario, settings is null ? null : BudgetLedger.EstimatePerReview(heads, settings.ExpectedReviewsPerYear));
    }

    public async Task<Result<BudgetChoices>> ChoicesAsync(Actor actor, int officeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!BudgetAccess.CanEdit(actor, officeId))
        {
            await audit.RefusedAsync(db, actor, "PooledBudget", officeId.ToString(), null, "open the budget forms", ct);
            return new AccessRefused("this office's pooled budget");
        }

        var partners = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive && ((o.Kind == OrganisationKind.Csp && o.ServingOfficeId == officeId) || o.Kind == OrganisationKind.Agency))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).Select(o => new BudgetChoice(o.Id, o.Name)).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.LeadOfficeId == officeId).OrderByDescending(r => r.DateNotified).ThenBy(r => r.Id)
            .Select(r => new BudgetChoice(r.Id, r.Reference + " " + r.CaseLabel)).ToListAsync(ct);
        var appointments = await (from a in db.AuthorAppointments.AsNoTracking()
                                  join r in db.Reviews on a.ReviewId equals r.Id
                                  where r.LeadOfficeId == officeId
                                  orderby r.Reference, a.AppointedOn
                                  select new { a.Id, a.ReviewId, r.Reference, a.Role, a.AppointedOn, a.FeePence }).ToListAsync(ct);
        return new BudgetChoices(partners, reviews, appointments.Select(a => new AppointmentChoice(a.Id, a.ReviewId,
            $"{a.Reference}: {AuthorAppointment.Describe(a.Role).ToLowerInvariant()} appointed {UkDate.Format(a.AppointedOn)}",
            a.FeePence)).ToList());
    }
}
