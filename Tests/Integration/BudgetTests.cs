using Domain;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Budget;

namespace Portal.Integration.Tests;

/// The pooled budget on a real database of each provider (today is 23 Nov 2026: 2026/27).
public abstract class BudgetTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private BudgetQuery Query => Portal.Get<BudgetQuery>();

    private Task<int> OfficeAsync(string code) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Statement_RollsOverTheYear_WithTheClosingReserveCarriedForward()
    {
        // The Kent office: the demo data set fills the LR office's budget.
        var office = await OfficeAsync("KT");
        var manager = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var review = await Portal.RegisterReviewAsync(new DateOnly(2026, 2, 2), "Dover CSP", DemoAccounts.KentOfficer);
        var settings = await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(manager, office, new BudgetSettingsInput(2025, "10,000", "3",
            (await Query.HandleAsync(manager, office, null)).Value.Settings?.Version));
        Assert.True(settings.IsSuccess, settings.Error?.Message);

        Assert.True((await Portal.Get<SaveContributionHandler>().HandleAsync(manager, office,
            new ContributionInput(null, 2025, null, "Leicestershire County Council", "66000", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), null))).IsSuccess);
        // 31 March falls in 2025/26, 1 April in 2026/27.
        Assert.True((await Portal.Get<SaveCostHandler>().HandleAsync(manager, office,
            new CostInput(null, CostKind.Recharge, null, null, "50,000.00", new DateOnly(2026, 3, 31), "Business office recharge", null))).IsSuccess);
        Assert.True((await Portal.Get<SaveCostHandler>().HandleAsync(manager, office,
            new CostInput(null, CostKind.ChairAuthorFee, review, null, "8500", new DateOnly(2026, 4, 1), null, null))).IsSuccess);

        var earlier = (await Query.HandleAsync(manager, office, 2025)).Value.Statement!;
        var current = (await Query.HandleAsync(manager, office, null)).Value;

        Assert.Equal((1_000_000, 6_600_000, 5_000_000, 2_600_000), (earlier.OpeningReservePence, earlier.IncomePence, earlier.SpendPence, earlier.ClosingReservePence));
        Assert.Equal(new FinancialYear(2026), current.Year);
        Assert.Equal(2_600_000, current.Statement!.OpeningReservePence);
        Assert.Equal(1_750_000, current.Statement.ClosingReservePence);
        Assert.Single(current.Costs);
        Assert.Empty(current.Contributions);
        Assert.NotNull(current.Forecast);
        Assert.Equal(new FinancialYear(2027), current.Forecast!.Year);
    }

    [Fact]
    public async Task SaveContribution_WithBadFields_NamesEachAndSavesNothing()
    {
        var office = await OfficeAsync("LR");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await Portal.WithDbAsync(db => db.BudgetContributions.CountAsync());

        var notMoney = await Portal.Get<SaveContributionHandler>().HandleAsync(officer, office,
            new ContributionInput(null, 2026, null, "Rutland County Council", "five thousand", null, null, null));
        var paidEarly = await Portal.Get<SaveContributionHandler>().HandleAsync(officer, office,
            new ContributionInput(null, 2026, null, "Rutland County Council", "-5", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 1), null));
        var noPartner = await Portal.Get<SaveCostHandler>().HandleAsync(officer, office, new CostInput(null, CostKind.Expenses, null, null, "12.345", null, null, null));

        Assert.Contains(((ValidationFailed)notMoney.Error!).Errors, e => e.Field == nameof(ContributionInput.Amount) && e.Message.Contains("not an amount of money", StringComparison.Ordinal));
        var errors = ((ValidationFailed)paidEarly.Error!).Errors;
        Assert.Contains(errors, e => e.Field == nameof(ContributionInput.Amount) && e.Message.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == nameof(ContributionInput.PaidOn) && e.Message.Contains("paid before it was invoiced", StringComparison.Ordinal));
        var costErrors = ((ValidationFailed)noPartner.Error!).Errors;
        Assert.Equal([nameof(CostInput.ReviewId), nameof(CostInput.Amount), nameof(CostInput.On)], costErrors.Select(e => e.Field));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.BudgetContributions.CountAsync()));
    }

    [Fact]
    public async Task Budget_OtherOfficesAndBoardMembersWithoutTheOffice_AreRefusedAndAudited()
    {
        var office = await OfficeAsync("LR");
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var before = await RefusalsAsync(DemoAccounts.KentOfficer);

        var read = await Query.HandleAsync(kent, office, null);
        var write = await Portal.Get<SaveContributionHandler>().HandleAsync(kent, office, new ContributionInput(null, 2026, null, "Kent Police", "100", null, null, null));

        Assert.IsType<AccessRefused>(read.Error);
        Assert.IsType<AccessRefused>(write.Error);
        Assert.Equal(before + 2, await RefusalsAsync(DemoAccounts.KentOfficer));
    }

    [Fact]
    public async Task Budget_ABoardMemberOfTheOffice_ReadsTheStatementButNotTheCostLines_AndCannotChangeIt()
    {
        var office = await OfficeAsync("LR");
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        board = board with { OfficeIds = new HashSet<int> { office } };
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(manager, office, new BudgetSettingsInput(2025, "10000", "3",
            (await Query.HandleAsync(manager, office, null)).Value.Settings?.Version));

        // A real line of the office's budget: the refusal must be for the person, not a missing line.
        var cost = await Portal.Get<SaveCostHandler>().HandleAsync(manager, office,
            new CostInput(null, CostKind.Recharge, null, null, "120", new DateOnly(2026, 5, 1), "Room hire for the board", null));
        Assert.True(cost.IsSuccess, cost.Error?.Message);
        var version = await Portal.WithDbAsync(db => db.BudgetCosts.Where(c => c.Id == cost.Value).Select(c => c.Version).SingleAsync());

        var view = await Query.HandleAsync(board, office, null);
        var write = await Portal.Get<DeleteCostHandler>().HandleAsync(board, cost.Value, version);

        Assert.True(view.IsSuccess, view.Error?.Message);
        Assert.False(view.Value.Office.CanEdit);
        Assert.Empty(view.Value.Costs);
        Assert.IsType<AccessRefused>(write.Error);
        Assert.True(await Portal.WithDbAsync(db => db.BudgetCosts.AnyAsync(c => c.Id == cost.Value)));
        // The office's statement is shared by this class's tests (run one after another): the line goes again.
        Assert.True((await Portal.Get<DeleteCostHandler>().HandleAsync(manager, cost.Value, version)).IsSuccess);
    }

    private static BudgetLinesInput Lines(int year, IReadOnlyDictionary<BudgetLineKind, int>? versions, params (BudgetLineKind Kind, string? Amount)[] amounts) =>
        new(year, [.. Enum.GetValues<BudgetLineKind>().Select(k => new BudgetLineInput(k, amounts.Where(a => a.Kind == k).Select(a => a.Amount).FirstOrDefault(),
            versions is not null && versions.TryGetValue(k, out var v) ? v : null))]);

    [Fact]
    public async Task BudgetLines_AgainstTheCostsOfTheYear_WithCostsOfNoReview_AndHalfAReviewExpected()
    {
        // LR's 2027/28: the demo data and this class's other tests leave it empty.
        var office = await OfficeAsync("LR");
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var review = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.LeadOfficeId == office).Select(r => r.Id).FirstAsync());
        var settings = (await Query.HandleAsync(manager, office, null)).Value.Settings!;
        var saved = await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(manager, office,
            new BudgetSettingsInput(settings.FirstYearStart, Money.ForInput(settings.FirstYearOpeningReservePence), "2.5", settings.Version));
        Assert.True(saved.IsSuccess, saved.Error?.Message);

        var lines = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(manager, office,
            Lines(2027, null, (BudgetLineKind.OfficeStaffing, "30,000"), (BudgetLineKind.Learning, "1,500.50"), (BudgetLineKind.Meetings, " ")));
        Assert.True(lines.IsSuccess, lines.Error?.Message);
        var save = Portal.Get<SaveCostHandler>();
        // A learning event belongs to no review: a review sent with it is not kept.
        var learning = await save.HandleAsync(manager, office, new CostInput(null, CostKind.Learning, review, null, "450", new DateOnly(2027, 5, 1), "Seminar", null));
        Assert.True(learning.IsSuccess, learning.Error?.Message);
        Assert.True((await save.HandleAsync(manager, office, new CostInput(null, CostKind.Meetings, null, null, "95.50", new DateOnly(2027, 6, 1), null, null))).IsSuccess);
        Assert.True((await save.HandleAsync(manager, office, new CostInput(null, CostKind.Recharge, null, null, "31,000", new DateOnly(2027, 7, 1), null, null))).IsSuccess);

        var view = (await Query.HandleAsync(manager, office, 2027)).Value;

        Assert.Equal(2.5m, view.Settings!.ExpectedReviewsPerYear);
        Assert.Equal(2.5m, view.Forecast!.ExpectedReviews);
        var heads = view.AgainstBudget.ToDictionary(l => l.Kind);
        Assert.Equal((3_000_000L, 3_100_000L, -100_000L), (heads[BudgetLineKind.OfficeStaffing].BudgetPence!.Value, heads[BudgetLineKind.OfficeStaffing].ActualPence, heads[BudgetLineKind.OfficeStaffing].RemainingPence));
        Assert.Equal((150_050L, 45_000L), (heads[BudgetLineKind.Learning].BudgetPence!.Value, heads[BudgetLineKind.Learning].ActualPence));
        Assert.Equal(((long?)null, 9_550L), (heads[BudgetLineKind.Meetings].BudgetPence, heads[BudgetLineKind.Meetings].ActualPence));
        Assert.Null(view.Costs.Single(c => c.Id == learning.Value).ReviewId);
        Assert.Equal(3_154_550L, view.Statement!.NoReviewSpendPence);
        Assert.Equal(2, view.LineVersions.Count);

        // Changed again from what the page showed: a blank head removes its line; a stale page is told the lines changed.
        var changed = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(manager, office, Lines(2027, view.LineVersions, (BudgetLineKind.OfficeStaffing, "32000")));
        var stale = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(manager, office, Lines(2027, view.LineVersions, (BudgetLineKind.OfficeStaffing, "1")));
        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.IsType<Conflict>(stale.Error);
        var after = (await Query.HandleAsync(manager, office, 2027)).Value.AgainstBudget;
        Assert.Equal([3_200_000L], after.Where(l => l.BudgetPence is not null).Select(l => l.BudgetPence!.Value));
    }

    [Fact]
    public async Task BudgetLines_ThatAreNotMoney_AndExpectedReviewsWithTwoDecimals_AreRefusedBesideTheField_NothingSaved()
    {
        var office = await OfficeAsync("LR");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await Portal.WithDbAsync(db => db.BudgetLines.Select(l => new { l.Kind, l.FinancialYearStart, l.AmountPence }).ToListAsync());
        var settings = (await Query.HandleAsync(officer, office, null)).Value.Settings!;

        var lines = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(officer, office,
            Lines(2028, null, (BudgetLineKind.OfficeStaffing, "30,000"), (BudgetLineKind.Legal, "two thousand"), (BudgetLineKind.Learning, "12.345")));
        var expected = await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(officer, office,
            new BudgetSettingsInput(settings.FirstYearStart, Money.ForInput(settings.FirstYearOpeningReservePence), "2.55", settings.Version));

        var errors = ((ValidationFailed)lines.Error!).Errors;
        Assert.Equal([nameof(BudgetLineKind.Legal), nameof(BudgetLineKind.Learning)], errors.Select(e => e.Field));
        Assert.Contains("is not an amount of money", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("nearest penny", errors[1].Message, StringComparison.Ordinal);
        var expectedError = Assert.Single(((ValidationFailed)expected.Error!).Errors);
        Assert.Equal((nameof(BudgetSettingsInput.ExpectedReviewsPerYear), true), (expectedError.Field, expectedError.Message.Contains("one decimal place", StringComparison.Ordinal)));
        Assert.Equivalent(before, await Portal.WithDbAsync(db => db.BudgetLines.Select(l => new { l.Kind, l.FinancialYearStart, l.AmountPence }).ToListAsync()));
        Assert.Equal(settings, (await Query.HandleAsync(officer, office, null)).Value.Settings);
    }

    [Fact]
    public async Task BudgetLines_ABoardMemberOfTheOfficeReadsThem_ButNeitherItNorAnotherOfficeChangesThem_AndBothAreAudited()
    {
        var office = await OfficeAsync("LR");
        var board = (await Portal.ActorAsync(DemoAccounts.BoardMember)) with { OfficeIds = new HashSet<int> { office } };
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var refusedBefore = await RefusalsAsync(DemoAccounts.BoardMember) + await RefusalsAsync(DemoAccounts.KentOfficer);

        var view = await Query.HandleAsync(board, office, 2026);
        var byBoard = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(board, office, Lines(2029, null, (BudgetLineKind.Legal, "1")));
        var byKent = await Portal.Get<SaveBudgetLinesHandler>().HandleAsync(kent, office, Lines(2029, null, (BudgetLineKind.Legal, "1")));
        var kentReads = await Query.HandleAsync(kent, office, 2026);

        Assert.True(view.IsSuccess, view.Error?.Message);
        Assert.Equal(Enum.GetValues<BudgetLineKind>(), view.Value.AgainstBudget.Select(l => l.Kind));
        Assert.IsType<AccessRefused>(byBoard.Error);
        Assert.IsType<AccessRefused>(byKent.Error);
        Assert.IsType<AccessRefused>(kentReads.Error);
        Assert.False(await Portal.WithDbAsync(db => db.BudgetLines.AnyAsync(l => l.FinancialYearStart == 2029)));
        Assert.Equal(refusedBefore + 3, await RefusalsAsync(DemoAccounts.BoardMember) + await RefusalsAsync(DemoAccounts.KentOfficer));
    }

    [Fact]
    public async Task Contributions_InKindAndNotDrawnDown_AreShownApartFromCash_AndThePartnersViewNamesWhoDoesNotPay()
    {
        // LR's 2028/29: nothing else of this class or the demo data is there.
        var office = await OfficeAsync("LR");
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var police = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync());
        var save = Portal.Get<SaveContributionHandler>();
        var cash = await save.HandleAsync(manager, office, new ContributionInput(null, 2028, null, "Leicestershire County Council", "30,000", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20), null));
        var inKind = await save.HandleAsync(manager, office, new ContributionInput(null, 2028, police, null, "3,000", null, null, null, InKind: true, Description: "10 days of an analyst's time"));
        var notDrawn = await save.HandleAsync(manager, office, new ContributionInput(null, 2028, null, "Rutland County Council", "5,000", null, null, null, NotDrawnDown: true));
        Assert.All([cash, inKind, notDrawn], r => Assert.True(r.IsSuccess, r.Error?.Message));

        var view = (await Query.HandleAsync(manager, office, 2028)).Value;

        Assert.Equal((3_000_000L, 300_000L, 500_000L), (view.Statement!.IncomePence, view.Statement.InKindPence, view.Statement.NotDrawnDownPence));
        var states = view.Contributions.ToDictionary(c => c.Partner, c => (c.State, c.InKind, c.Description));
        Assert.Equal((ContributionState.PaidInAdvance, false, (string?)null), states["Leicestershire County Council"]);
        Assert.Equal((ContributionState.Agreed, true, "10 days of an analyst's time"), states["Leicestershire Police"]);
        Assert.Equal(ContributionState.NotDrawnDown, states["Rutland County Council"].State);
        var partners = view.Partners.ToDictionary(p => p.Partner);
        Assert.True(partners["Leicestershire County Council"].PaysCash);
        Assert.Equal((0L, 300_000L), (partners["Leicestershire Police"].CashPence, partners["Leicestershire Police"].InKindPence));
        Assert.Equal(500_000L, partners["Rutland County Council"].NotDrawnDownPence);
        // The office's CSPs with no contribution are named as not paying.
        var csps = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Kind == Domain.Organisations.OrganisationKind.Csp && o.ServingOfficeId == office && o.IsActive)
            .Select(o => o.Name).ToListAsync());
        Assert.NotEmpty(csps);
        Assert.All(csps, name => Assert.Equal(new PartnerLine(name, 0, 0, 0, 0), partners[name]));
    }

    [Fact]
    public async Task Contributions_InKindWithDates_OrPaidButNotDrawnDown_AreRefusedBesideTheField_NothingSaved()
    {
        var office = await OfficeAsync("LR");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await Portal.WithDbAsync(db => db.BudgetContributions.CountAsync());

        var inKind = await Portal.Get<SaveContributionHandler>().HandleAsync(officer, office,
            new ContributionInput(null, 2026, null, "Rutland County Council", "500", new DateOnly(2026, 5, 1), null, null, InKind: true, Description: " "));
        var paidNotDrawn = await Portal.Get<SaveContributionHandler>().HandleAsync(officer, office,
            new ContributionInput(null, 2026, null, "Rutland County Council", "500", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 2), null, NotDrawnDown: true));

        Assert.Equal([nameof(ContributionInput.Description), nameof(ContributionInput.InvoicedOn)], ((ValidationFailed)inKind.Error!).Errors.Select(e => e.Field));
        Assert.Equal([nameof(ContributionInput.NotDrawnDown)], ((ValidationFailed)paidNotDrawn.Error!).Errors.Select(e => e.Field));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.BudgetContributions.CountAsync()));
    }

    [Fact]
    public async Task BoardReportDocx_OfTheOffice_HasTheBudgetStatement_WithTheScenario_AndValidates_ButNotForAnotherOffice()
    {
        var office = await OfficeAsync("LR");
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var settings = (await Query.HandleAsync(manager, office, null)).Value.Settings!;
        var badScenario = await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(manager, office,
            new BudgetSettingsInput(settings.FirstYearStart, Money.ForInput(settings.FirstYearOpeningReservePence), "2.5", settings.Version, "25", "minus five"));
        Assert.Equal([nameof(BudgetSettingsInput.PayAwardPercent), nameof(BudgetSettingsInput.ContributionChangePercent)],
            ((ValidationFailed)badScenario.Error!).Errors.Select(e => e.Field));
        var saved = await Portal.Get<SaveBudgetSettingsHandler>().HandleAsync(manager, office,
            new BudgetSettingsInput(settings.FirstYearStart, Money.ForInput(settings.FirstYearOpeningReservePence), "2.5", settings.Version, "3.5", "-5"));
        Assert.True(saved.IsSuccess, saved.Error?.Message);

        var asOf = new DateOnly(2026, 11, 23);
        var report = (await Portal.Get<Workflows.Reports.BoardReportQuery>().HandleAsync(manager, office, asOf)).Value;
        var budget = await Query.ForBoardAsync(manager, report.Scope, asOf);
        Assert.NotNull(budget);
        Assert.Equal((3.5m, -5m), (budget.Settings!.PayAwardPercent, budget.Settings.ContributionChangePercent));
        var thisYearCash = budget.Statement!.IncomePence;
        Assert.Equal(thisYearCash - BudgetLedger.PercentOf(thisYearCash, 5m), budget.Scenario!.IncomePence);
        var bytes = BoardReportDocx.Build(report, budget: budget);

        using (var package = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package));
            var text = package.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(BudgetStatementText.Title(budget), text, StringComparison.Ordinal);
            Assert.Contains("pay award of 3.5%", text, StringComparison.Ordinal);
        }

        var tables = BoardReportDocx.ReadTables(new MemoryStream(bytes));
        var statement = tables.Single(t => t[0][0] == "Statement");
        Assert.Contains(statement, r => r[0] == "Contributions agreed (cash, drawn down)" && r[1] == Money.Format(thisYearCash));
        var heads = tables.Single(t => t[0][0] == "Head");
        Assert.Equal(["Total", Money.Format(budget.AgainstBudget.Sum(l => l.BudgetPence ?? 0)), Money.Format(budget.AgainstBudget.Sum(l => l.ActualPence)),
            BudgetStatementText.Remaining(budget.AgainstBudget.Sum(l => l.RemainingPence))], heads[^1]);
        var forecast = tables.Single(t => t[0][0].StartsWith("Forecast for", StringComparison.Ordinal));
        Assert.Equal(["Contributions", Money.Format(budget.Forecast!.IncomePence), Money.Format(budget.Scenario.IncomePence)], forecast.Single(r => r[0] == "Contributions"));
        Assert.Contains(tables, t => t[0][0] == "Partner");

        // The office's board member gets the statement too; a reader of another office does not.
        Assert.NotNull(await Query.ForBoardAsync(await Portal.ActorAsync(DemoAccounts.BoardMember), report.Scope, asOf));
        Assert.Null(await Query.ForBoardAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), report.Scope, asOf));
        var plain = BoardReportDocx.ReadTables(new MemoryStream(BoardReportDocx.Build(report)));
        Assert.DoesNotContain(plain, t => t[0][0] == "Statement");
    }

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditAction.Refused && a.Subject == "PooledBudget" && a.UserEmail == email));
}

public sealed class BudgetSqliteTests(SqliteFixture fixture) : BudgetTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BudgetPostgresTests(PostgresFixture fixture) : BudgetTests(fixture), IClassFixture<PostgresFixture>;
