using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task SignIn_Officer_SeesHomeWithTheirRole_AndPagesAreAccessible()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.Page.GotoAsync("Account/Login");
        await tab.AssertAccessibleAsync();

        await tab.SignInAsync(DemoAccounts.LrOfficer);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Review Portal", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText("Review officer")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ThenLockedOut_EachWithAClearMessage()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.BoardMember, "not-the-password", expectSuccess: false);
        await Assertions.Expect(tab.Page.Locator("#login-error")).ToContainTextAsync("email address or password is not right");
        await tab.AssertAccessibleAsync();

        for (var i = 0; i < 4; i++)
        {
            await tab.SignInAsync(DemoAccounts.BoardMember, "not-the-password", expectSuccess: false);
        }

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account is locked" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#lockout-message")).ToContainTextAsync("too many failed attempts");
        await tab.AssertAccessibleAsync();

        // Even the right password is refused while locked.
        await tab.SignInAsync(DemoAccounts.BoardMember, expectSuccess: false);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account is locked" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_ReturnsToSignIn()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.LrManager);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await tab.Page.GotoAsync("");
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
