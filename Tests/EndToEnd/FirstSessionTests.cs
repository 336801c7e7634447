using Domain.Access;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// A new officer's first session as they live it (issue 16, item 1): the first sign-in sends them to set up two-factor
/// authentication on the static account pages; from there "Back to the portal" must lead to a working interactive portal
/// (side menu shown, selects opening beside their field) without the officer pressing F5.
[Collection(BrowserCollection.Name)]
public sealed class FirstSessionTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory(kestrel: true).RequireTwoFactorFor(Roles.ReviewOfficer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task FirstSignIn_SetsUpTwoFactor_ThenBackToThePortal_RegistersANotification_WithoutReloading()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer, expectSuccess: false);
        await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        var key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Next(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Expect(Heading(tab, "Save your recovery codes")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the portal" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Expect(Heading(tab, "Your work")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        // Nobody presses F5 from here on: a page load would hide the fault, so count them.
        var loads = 0;
        page.Load += (_, _) => loads++;

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu).ToBeInViewportAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Register a notification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await tab.AssertAccessibleAsync();

        // The list of a select opens on screen, beside its field (without MudBlazor's script it opened off-screen).
        await page.Locator("div.mud-select:has(#lead-csp)").Last.ClickAsync();
        var rutland = page.GetByRole(AriaRole.Option, new() { Name = "Rutland CSP", Exact = true });
        await Expect(rutland).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await tab.ChooseAsync("lead-csp", "Rutland CSP");
        await tab.ChooseAsync("notifying-agency", "Leicestershire Police");
        await page.Locator("#date-notified").FillAsync("02/10/2026");
        await page.Locator("#date-notified").PressAsync("Tab");
        await tab.ChooseAsync("death-month", "September");
        await page.Locator("#death-year").FillAsync("2026");
        var label = await page.Locator("#case-label").InputValueAsync();
        await page.Locator("#summary").FillAsync("Death of a woman at home; partner arrested.");
        await page.Locator("#deceased-names").FillAsync("Jane Testperson");
        await page.Locator("#save-notification").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(menu).ToBeInViewportAsync();
        Assert.Equal(0, loads);
        Assert.Empty(tab.ConsoleErrors);
    }

    private static ILocator Heading(PortalPage tab, string name) =>
        tab.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });
}
