using System.Text.RegularExpressions;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BudgetPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// A table row's cells in order (its text spans lines).
    private static Regex Row(string cells) => new(cells, RegexOptions.Singleline);

    [Fact]
    public async Task Manager_OfTheDemoOffice_SeesTwoYearsOfItsBudget()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrManager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Pooled budget" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pooled budget", Level = 1 })).ToBeVisibleAsync();

        // The demo data set keeps last financial year's budget and this one's: the page is not empty for a newcomer.
        var thisYear = FinancialYear.Of(ActionPlanScenario.Today(_portal));
        var lastYear = new FinancialYear(thisYear.StartYear - 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Statement for {thisYear}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#budget-not-set-up")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#statement-years")).ToContainTextAsync(lastYear.ToString());
        await Assertions.Expect(page.Locator("#statement-years")).ToContainTextAsync(thisYear.ToString());
        await Assertions.Expect(page.Locator("#statement-income")).ToHaveTextAsync("£42,000");
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("Leicestershire County Council");
        await Assertions.Expect(page.Locator("#costs")).ToContainTextAsync("Room hire for the panel");
        await Assertions.Expect(page.Locator("#costs")).ToContainTextAsync("Learning event on coercive control");
        await Assertions.Expect(page.Locator("#against-Learning")).ToHaveTextAsync(Row("Learning.*£1,500.*£450.*£1,050"));
        await Assertions.Expect(page.Locator("#statement-in-kind")).ToHaveTextAsync("£3,000");
        await Assertions.Expect(page.Locator("#statement-not-drawn-down")).ToHaveTextAsync("£25,000");
        await Assertions.Expect(page.Locator("#partners")).ToContainTextAsync("Leicester City Council");
        await Assertions.Expect(page.Locator("#partners")).ToContainTextAsync("Not drawn down");
        await tab.AssertAccessibleAsync();

        // The board report's .docx carries the statement for this year.
        var office = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var docx = await page.APIRequest.GetAsync($"reports/board.docx?org={office}");
        Assert.Equal(200, docx.Status);
        var tables = Portal.Features.Reports.BoardReportDocx.ReadTables(new MemoryStream(await docx.BodyAsync()));
        Assert.Contains(tables.Single(t => t[0][0] == "Statement"), r => r[0] == "Contributions in kind (valued, not cash)" && r[1] == "£3,000");
        Assert.Contains(tables.Single(t => t[0][0] == "Head"), r => r[0] == "Learning" && r[2] == "£450");

        await tab.ChooseAsync("budget-year", lastYear.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Statement for {lastYear}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#statement-income")).ToHaveTextAsync("£65,000");
        await Assertions.Expect(page.Locator("#costs")).ToContainTextAsync("Office recharge");
        await tab.ScreenshotAsync("budget-demo");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_SetsUpANewOfficesBudget_RecordsAContributionAndACost_AndSeesTheStatement()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        // The Kent office: the demo data set fills the LR office's budget.
        await tab.SignInAsync(DemoAccounts.KentOfficer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Pooled budget" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pooled budget", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#budget-not-set-up")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.ChooseAsync("settings-first-year", "2025/26");
        await page.Locator("#settings-opening-reserve").FillAsync("10,000");
        // Boards plan on half reviews, not on hundredths of one.
        await page.Locator("#settings-expected").FillAsync("2.55");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the reviews expected a year to one decimal place")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#budget-not-set-up")).ToBeVisibleAsync();
        await page.Locator("#settings-expected").FillAsync("2.5");
        await page.Locator("#settings-contribution-change").FillAsync("-5");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statement for 2026/27" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#statement-opening")).ToHaveTextAsync("£10,000");

        // A contribution: a wrong amount is explained beside the field, then corrected.
        await page.Locator("#contribution-partner-name").FillAsync("Leicestershire County Council");
        await page.Locator("#contribution-amount").FillAsync("thirty thousand");
        await page.Locator("#save-contribution").ClickAsync();
        await Assertions.Expect(page.GetByText("is not an amount of money")).ToBeVisibleAsync();
        await page.Locator("#contribution-amount").FillAsync("30,000");
        await page.Locator("#save-contribution").ClickAsync();
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("Leicestershire County Council");
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("£30,000");

        // Staff time given in kind: valued, shown apart from cash, and its partner pays in kind only.
        await page.GetByLabel("Given in kind (staff time, rooms): valued, not cash").CheckAsync();
        await page.Locator("#contribution-partner-name").FillAsync("Kent Fire and Rescue");
        await page.Locator("#contribution-description").FillAsync("5 days of a station manager's time");
        await page.Locator("#contribution-amount").FillAsync("2,000");
        await page.Locator("#save-contribution").ClickAsync();
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("In kind (valued, not cash): 5 days of a station manager's time");
        await Assertions.Expect(page.Locator("#statement-in-kind")).ToHaveTextAsync("£2,000");
        await Assertions.Expect(page.Locator("#statement-income")).ToHaveTextAsync("£30,000");
        await Assertions.Expect(page.Locator("#partners")).ToContainTextAsync("In kind only");

        // The office's recharge is not for one review: the review field goes.
        await tab.ChooseAsync("cost-kind", "Office recharge");
        await Assertions.Expect(page.Locator("#cost-review")).ToHaveCountAsync(0);
        await page.Locator("#cost-amount").FillAsync("5000");
        await page.Locator("#cost-date").FillAsync("01/06/2026");
        await page.Locator("#cost-date").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#cost-amount")).ToHaveValueAsync("5000");
        await page.Locator("#save-cost").ClickAsync();
        await Assertions.Expect(page.Locator("#costs")).ToContainTextAsync("Office recharge");

        // 10,000 brought forward + 30,000 agreed - 5,000 spent.
        await Assertions.Expect(page.Locator("#statement-income")).ToHaveTextAsync("£30,000");
        await Assertions.Expect(page.Locator("#statement-spend")).ToHaveTextAsync("£5,000");
        await Assertions.Expect(page.Locator("#statement-closing")).ToHaveTextAsync("£35,000");
        await Assertions.Expect(page.Locator("#forecast")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#forecast-expected")).ToHaveTextAsync("2.5");
        // The scenario beside it: this year's 30,000 cash at 5% less.
        await Assertions.Expect(page.Locator("#scenario-income")).ToHaveTextAsync("£28,500");

        // The year's budget lines: one that is not money is explained beside it and none is saved; then actual against budget.
        await page.Locator("#line-OfficeStaffing").FillAsync("6,000");
        await page.Locator("#line-Legal").FillAsync("two thousand");
        await page.Locator("#save-lines").ClickAsync();
        await Assertions.Expect(page.GetByText("enter the budget for legal in pounds")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#against-OfficeStaffing")).ToContainTextAsync("No budget set");
        await page.Locator("#line-Legal").FillAsync("2,000");
        await page.Locator("#save-lines").ClickAsync();
        await Assertions.Expect(page.Locator("#against-OfficeStaffing")).ToHaveTextAsync(Row("Office staffing.*£6,000.*£5,000.*£1,000"));
        await Assertions.Expect(page.Locator("#against-Legal")).ToHaveTextAsync(Row("Legal.*£2,000.*£0.*£2,000"));
        await Assertions.Expect(page.Locator("#against-total")).ToHaveTextAsync(Row("Total.*£8,000.*£5,000.*£3,000"));
        await Assertions.Expect(page.Locator("#line-OfficeStaffing")).ToHaveValueAsync("6000");

        // Deleting asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the contribution of Leicestershire County Council" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Delete this contribution?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("Leicestershire County Council");
        await tab.ScreenshotAsync("budget");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
