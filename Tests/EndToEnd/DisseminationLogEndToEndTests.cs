using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 18: an officer logs a briefing on the review page ("Where the learning was shared"); a bad entry is told beside
/// its fields and saves nothing; the log lists newest first.
[Collection(BrowserCollection.Name)]
public sealed class DisseminationLogEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_LogsABriefing_BadInputToldBesideTheFields_NewestFirst()
    {
        var id = await _portal.RegisterReviewAsync(new DateOnly(2026, 3, 2));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        var section = page.Locator("#dissemination");
        await Assertions.Expect(section.Locator("#dissemination-none")).ToHaveTextAsync("Nothing recorded yet.");
        await tab.AssertAccessibleAsync();

        // Nothing chosen and a negative attendance: each field says what to do; nothing is recorded.
        await page.Locator("#dissemination-attendance").FillAsync("-4");
        await page.Locator("#add-dissemination").ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("Choose how the learning was shared.");
        await Assertions.Expect(section).ToContainTextAsync("Say who it was shared with");
        await Assertions.Expect(section).ToContainTextAsync("Enter the date it happened.");
        await Assertions.Expect(section).ToContainTextAsync("Attendance is a whole number from 0");
        await Assertions.Expect(section.Locator("#dissemination-none")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.ChooseAsync("dissemination-kind", "CSP meeting");
        await page.Locator("#dissemination-audience").FillAsync("Rutland CSP board");
        await page.Locator("#dissemination-date").FillAsync("02/10/2026");
        await page.Locator("#dissemination-date").PressAsync("Tab");
        await page.Locator("#dissemination-attendance").FillAsync("12");
        await page.Locator("#add-dissemination").ClickAsync();
        var rows = page.Locator("#dissemination-log tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        await tab.ChooseAsync("dissemination-kind", "Briefing");
        await page.Locator("#dissemination-audience").FillAsync("Police supervisors");
        await page.Locator("#dissemination-date").FillAsync("20/11/2026");
        await page.Locator("#dissemination-date").PressAsync("Tab");
        await page.Locator("#dissemination-attendance").FillAsync("25");
        await page.Locator("#add-dissemination").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.Locator("td")).ToHaveTextAsync(["20 Nov 2026", "Briefing", "Police supervisors", "25", "23 Nov 2026 10:00, Olivia Officer"]);
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["2 Oct 2026", "CSP meeting", "Rutland CSP board", "12", "23 Nov 2026 10:00, Olivia Officer"]);
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
