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

    /// Issue 18, the reminder ladder: the recommendation recorded is a task in the office's team queue (its own reference,
    /// no review); the officer claims it, finds it in My work, opens it (the response form opens on arrival), records the
    /// response and the task is gone from My work.
    [Fact]
    public async Task Officer_RecordsARecommendation_ClaimsItsTask_OpensIt_RecordsTheResponse_AndTheTaskIsGone()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("commissioner");
        await tab.WaitForInteractiveAsync();
        await page.Locator("#commissioner-report").FillAsync("Shadow report (2026)");
        await page.Locator("#commissioner-made").FillAsync("02/11/2026");
        await page.Locator("#commissioner-made").PressAsync("Tab");
        await tab.ChooseAsync("commissioner-addressee", "Leicestershire Police");
        await page.Locator("#commissioner-text").FillAsync("Share risk assessments with health visitors.");
        await page.Locator("#add-commissioner").ClickAsync();
        var row = page.Locator("#commissioner-list tbody tr").Filter(new() { HasText = "Shadow report (2026)" });
        await Assertions.Expect(row).ToContainTextAsync("28 Dec 2026");
        var reference = (await row.Locator("td").First.InnerTextAsync()).Trim();
        Assert.StartsWith("DAC-", reference, StringComparison.Ordinal);
        var title = $"Record the response to recommendation {reference}";

        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "Team queue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team queue", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#queue-search").FillAsync(reference);
        var task = page.Locator("#work-queue tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await Assertions.Expect(task).ToContainTextAsync("Commissioner's recommendation");
        await Assertions.Expect(task.Locator("[data-task-link]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^commissioner\?respond=\d+$"));
        await AssertCleanAsync(tab);
        await task.Locator("[data-action='claim']").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"You claimed \"{title}\" ({reference})" })).ToBeVisibleAsync();

        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();
        var mine = page.Locator("#work-queue tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await AssertCleanAsync(tab);
        await mine.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The Commissioner's recommendations", Level = 1 })).ToBeVisibleAsync();
        var form = page.Locator("#response-form");
        await Assertions.Expect(form).ToContainTextAsync($"recommendation {reference} of 2 Nov 2026");
        await AssertCleanAsync(tab);
        await page.Locator("#response-date").FillAsync("20/11/2026");
        await page.Locator("#response-date").PressAsync("Tab");
        await page.Locator("#response-summary").FillAsync("Agreed: a shared form from January.");
        await page.Locator("#save-response").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Sent 20 Nov 2026: Agreed: a shared form from January.");

        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#work-queue tbody tr").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await AssertCleanAsync(tab);
    }
}
