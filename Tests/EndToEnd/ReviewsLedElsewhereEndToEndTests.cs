using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// A review led elsewhere in Chromium: an officer records one from the register (after being told what is missing),
/// adds a dated update, and finds it in the register marked as led elsewhere; a board member then sees it in the board
/// report's involvement section as at two past dates. axe on every page visited.
[Collection(BrowserCollection.Name)]
public sealed class ReviewsLedElsewhereEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static async Task FillDateAsync(IPage page, string id, string date)
    {
        await page.Locator($"#{id}").FillAsync(date);
        await page.Locator($"#{id}").PressAsync("Tab");
    }

    [Fact]
    public async Task Officer_RecordsAReviewLedElsewhereWithAnUpdate_SeenInTheRegisterAndTheBoardReport()
    {
        const string label = "Adult Northshire B";
        string recordPath;
        await using (var officer = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = officer.Page;
            await officer.SignInAsync(DemoAccounts.LrOfficer);
            await officer.GotoAsync("reviews");
            await page.Locator("#record-elsewhere").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reviews/elsewhere/new$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a review led elsewhere", Level = 1 })).ToBeVisibleAsync();
            await officer.WaitForInteractiveAsync();
            await AssertCleanAsync(officer);

            // Nothing filled in: each field says what it needs, and nothing is saved.
            await page.Locator("#save-elsewhere").ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Enter the area that leads the review, e.g. Northshire.");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Choose the stage the review has reached.");
            await AssertCleanAsync(officer);

            await page.Locator("#elsewhere-area").FillAsync("Northshire");
            await page.Locator("#elsewhere-lead-csp").FillAsync("Northshire CSP");
            await page.Locator("#elsewhere-reference").FillAsync("NS-DHR-12");
            await page.Locator("#elsewhere-case-label").FillAsync(label);
            await FillDateAsync(page, "elsewhere-known-since", "01/09/2026");
            await officer.ChooseAsync("elsewhere-csp", "Rutland CSP");
            await page.Locator("#elsewhere-contact-name").FillAsync("Morgan Contactperson");
            await page.Locator("#elsewhere-contact-email").FillAsync("morgan@northshire.example.org");
            await officer.ChooseAsync("elsewhere-stage", "Review under way");
            await page.Locator("#elsewhere-note").FillAsync("Our police chronology asked for.");
            await page.Locator("#save-elsewhere").ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reviews/elsewhere/\d+$"));
            recordPath = new Uri(page.Url).AbsolutePath.TrimStart('/');
            Assert.DoesNotContain("Morgan", page.Url, StringComparison.Ordinal);
            await officer.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#led-elsewhere-chip")).ToHaveTextAsync("Led elsewhere");
            await Assertions.Expect(page.Locator("#elsewhere-contact")).ToContainTextAsync("Morgan Contactperson, morgan@northshire.example.org");
            await AssertCleanAsync(officer);

            // A dated update, with the stage it reached.
            await FillDateAsync(page, "update-as-at", "05/10/2026");
            await officer.ChooseAsync("update-stage", "Draft report");
            await page.Locator("#update-text").FillAsync("Draft 1 shared with the panel.");
            await page.Locator("#add-update").ClickAsync();
            await Assertions.Expect(page.Locator("#elsewhere-updates tbody tr").First).ToContainTextAsync("5 Oct 2026");
            await Assertions.Expect(page.Locator("#elsewhere-updates tbody tr").First).ToContainTextAsync("Draft 1 shared with the panel.");
            await Assertions.Expect(page.Locator("#elsewhere-current-stage")).ToHaveTextAsync("Draft report");
            await AssertCleanAsync(officer);

            await officer.GotoAsync("reviews");
            var row = page.Locator("#elsewhere-register tbody tr", new() { HasText = label });
            await Assertions.Expect(row).ToContainTextAsync("Led elsewhere");
            await Assertions.Expect(row).ToContainTextAsync("Northshire CSP (Northshire)");
            await Assertions.Expect(row).ToContainTextAsync("Draft report");
            await AssertCleanAsync(officer);
        }

        var office = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        await using var board = await PortalPage.OpenAsync(browser, _portal);
        await board.SignInAsync(DemoAccounts.BoardMember);
        await board.GotoAsync($"reports/board?org={office}&asOf=2026-09-25");
        var involvement = board.Page.Locator("#board-involvement tbody tr", new() { HasText = label });
        await Assertions.Expect(involvement).ToContainTextAsync("Northshire CSP, Northshire (led elsewhere)");
        await Assertions.Expect(involvement).ToContainTextAsync("Review under way, as at 1 Sep 2026: Our police chronology asked for.");
        await AssertCleanAsync(board);
        await board.GotoAsync($"reports/board?org={office}&asOf=2026-10-31");
        await Assertions.Expect(involvement).ToContainTextAsync("Draft report, as at 5 Oct 2026: Draft 1 shared with the panel.");
        Assert.DoesNotContain("Morgan", await board.Page.ContentAsync(), StringComparison.Ordinal);
        await AssertCleanAsync(board);

        // The board member reads the record itself by its address, without the contact; an officer of another office
        // typing the same address is refused and sees nothing of it.
        await board.GotoAsync(recordPath);
        await Assertions.Expect(board.Page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(board.Page.Locator("#elsewhere-current-stage")).ToHaveTextAsync("Draft report");
        await Assertions.Expect(board.Page.Locator("#elsewhere-contact")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Morgan", await board.Page.ContentAsync(), StringComparison.Ordinal);
        await AssertCleanAsync(board);
        await using var kent = await PortalPage.OpenAsync(browser, _portal);
        await kent.SignInAsync(DemoAccounts.KentOfficer);
        await kent.GotoAsync(recordPath);
        await Assertions.Expect(kent.Page.Locator("#no-access")).ToBeVisibleAsync();
        Assert.DoesNotContain(label, await kent.Page.ContentAsync(), StringComparison.Ordinal);
        await AssertCleanAsync(kent);
    }
}
