using Domain;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
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

        var read = await Query.HandleAsync(kent, office, null);
        var write = await Portal.Get<SaveContributionHandler>().HandleAsync(kent, office, new ContributionInput(null, 2026, null, "Kent Police", "100", null, null, null));

        Assert.IsType<AccessRefused>(read.Error);
        Assert.IsType<AccessRefused>(write.Error);
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditAction.Refused && a.Subject == "PooledBudget" && a.UserEmail == DemoAccounts.KentOfficer));
        Assert.Equal(2, refusals);
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
}

public sealed class BudgetSqliteTests(SqliteFixture fixture) : BudgetTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BudgetPostgresTests(PostgresFixture fixture) : BudgetTests(fixture), IClassFixture<PostgresFixture>;
