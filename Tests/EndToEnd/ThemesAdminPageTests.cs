using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// An administrator keeps the theme list: adds one, then deactivates it after confirming.
[Collection(BrowserCollection.Name)]
public sealed class ThemesAdminPageTests(BrowserFixture browser, ThemesAdminPageTests.Server server) : IClassFixture<ThemesAdminPageTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(kestrel: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    [Fact]
    public async Task Admin_AddsAThemeAndDeactivatesIt()
    {
        await using var tab = await PortalPage.OpenAsync(browser, server.Portal);
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Themes", Exact = true }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Themes", Level = 1 })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.Page.Locator("#theme-add").ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("Enter the theme's name.")).ToBeVisibleAsync();
        await tab.Page.GetByLabel("Name").FillAsync("Honour-based abuse");
        await tab.Page.Locator("#theme-add").ClickAsync();
        var row = tab.Page.Locator("#themes-table tr", new() { HasText = "Honour-based abuse" });
        await Assertions.Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Deactivated");
        Assert.False(await server.Portal.WithDbAsync(db => db.Themes.Where(t => t.Name == "Honour-based abuse").Select(t => t.IsActive).SingleAsync()));
        Assert.Empty(tab.ConsoleErrors);
    }
}
