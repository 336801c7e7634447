using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 18: an officer opens the Commissioner's recommendations from the menu, is told beside each field what a
/// recommendation needs (nothing saved), records one made 83 days ago (its response date passed: marked overdue), then
/// records the response, and the overdue mark goes. axe on the page at each step.
[Collection(BrowserCollection.Name)]
public sealed class CommissionerEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsARecommendation_SeesItOverdue_RecordsTheResponse_AndTheMarkGoes()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        // The Kent office has none yet (the demo gives the LR office three).
        await tab.SignInAsync(DemoAccounts.KentOfficer);
        await tab.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "Commissioner's recommendations" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The Commissioner's recommendations", Level = 1 })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#commissioner-none")).ToBeVisibleAsync();
        await AssertCleanAsync(tab);

        await page.Locator("#add-commissioner").ClickAsync();
        var form = page.Locator("#commissioner-form");
        await Assertions.Expect(form).ToContainTextAsync("Enter the Commissioner's report the recommendation comes from.");
        await Assertions.Expect(form).ToContainTextAsync("Enter the date the recommendation was made.");
        await Assertions.Expect(form).ToContainTextAsync("Choose the body the recommendation is addressed to.");
        await Assertions.Expect(form).ToContainTextAsync("Enter the recommendation's words.");
        await Assertions.Expect(page.Locator("#commissioner-none")).ToBeVisibleAsync();
        await AssertCleanAsync(tab);

        await page.Locator("#commissioner-report").FillAsync("Did anyone notice? (2026)");
        await page.Locator("#commissioner-made").FillAsync("01/09/2026");
        await page.Locator("#commissioner-made").PressAsync("Tab");
        await tab.ChooseAsync("commissioner-addressee", "Kent Police");
        await page.Locator("#commissioner-text").FillAsync("Train call handlers to recognise coercive control.");
        await page.Locator("#add-commissioner").ClickAsync();

        var row = page.Locator("#commissioner-list tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("1 Sep 2026");
        await Assertions.Expect(row).ToContainTextAsync("Kent Police");
        await Assertions.Expect(row).ToContainTextAsync("27 Oct 2026");
        await Assertions.Expect(row).ToContainTextAsync("Overdue");
        await AssertCleanAsync(tab);

        await row.GetByRole(AriaRole.Button, new() { Name = "Record the response to the recommendation of 1 Sep 2026 to Kent Police" }).ClickAsync();
        await page.Locator("#response-date").FillAsync("20/11/2026");
        await page.Locator("#response-date").PressAsync("Tab");
        await page.Locator("#response-summary").FillAsync("Training agreed for all call handlers by March.");
        await page.Locator("#save-response").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Sent 20 Nov 2026: Training agreed for all call handlers by March.");
        await Assertions.Expect(row).Not.ToContainTextAsync("Overdue");
        await AssertCleanAsync(tab);
    }
}
