using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 18: the office's manager opens the register of delivery groups and boards from the menu, sees the empty state,
/// is told beside each field what a group needs (nothing saved), adds a board, renames it, and stands it down after a
/// confirmation; the register is empty again. axe on the page at each step.
[Collection(BrowserCollection.Name)]
public sealed class DeliveryGroupsEndToEndTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Manager_AddsABoard_RenamesIt_AndStandsItDown()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrManager);
        await tab.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "Delivery groups and boards" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery groups and boards", Level = 1 })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#groups-none")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#contacts-note")).ToContainTextAsync("an administrator approves the request");
        await AssertCleanAsync(tab);

        await page.Locator("#add-group").ClickAsync();
        var form = page.Locator("#group-form");
        await Assertions.Expect(form).ToContainTextAsync("Enter the group's name");
        await Assertions.Expect(form).ToContainTextAsync("Choose whether it is a delivery group or a board.");
        await Assertions.Expect(page.Locator("#groups-none")).ToBeVisibleAsync();
        await AssertCleanAsync(tab);

        await page.Locator("#group-name").FillAsync("Safer Rutland Partnership Board");
        await tab.ChooseAsync("group-kind", "Board");
        await page.Locator("#add-group").ClickAsync();
        var row = page.Locator("#groups-list tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("Safer Rutland Partnership Board");
        await Assertions.Expect(row).ToContainTextAsync("Board");
        await Assertions.Expect(row).ToContainTextAsync("None yet: invite one");
        await AssertCleanAsync(tab);

        await row.GetByRole(AriaRole.Button, new() { Name = "Rename Safer Rutland Partnership Board" }).ClickAsync();
        await page.Locator("#rename-name").FillAsync("Safer Rutland Board");
        await page.Locator("#save-rename").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Safer Rutland Board");
        await Assertions.Expect(row).Not.ToContainTextAsync("Partnership");
        await AssertCleanAsync(tab);

        await row.GetByRole(AriaRole.Button, new() { Name = "Stand down Safer Rutland Board" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Stand down Safer Rutland Board?");
        await AssertCleanAsync(tab);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stand down" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-none")).ToBeVisibleAsync();
        await AssertCleanAsync(tab);
    }
}
