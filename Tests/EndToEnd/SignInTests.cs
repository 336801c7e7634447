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

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText("Review officer")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ThenLockedOut_SaysTheSameAsForAnAddressWithNoAccount()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync("nobody@lr.example.org", "not-the-password", expectSuccess: false);
        var unknown = await tab.Page.Locator("#login-error").InnerTextAsync();
        Assert.Contains("email address or password is not right", unknown, StringComparison.Ordinal);
        await tab.AssertAccessibleAsync();

        for (var i = 0; i < 5; i++)
        {
            await tab.SignInAsync(DemoAccounts.BoardMember, "not-the-password", expectSuccess: false);
            await Assertions.Expect(tab.Page.Locator("#login-error")).ToHaveTextAsync(unknown);
        }

        // Locked: even the right password is refused, with the same words, so the page never tells a stranger that
        // the address has an account (issue 13, finding 9).
        await tab.SignInAsync(DemoAccounts.BoardMember, expectSuccess: false);
        await Assertions.Expect(tab.Page.Locator("#login-error")).ToHaveTextAsync(unknown);
        await Assertions.Expect(tab.Page.Locator("#login-error")).ToContainTextAsync("locked for a while");
    }

    [Fact]
    public async Task SignIn_TooManyAttempts_SaysToWaitAndTryAgain_AndThePageIsAccessible()
    {
        await using var portal = new PortalFactory(kestrel: true).LimitSignIns(perAddress: 3, perAccount: 10, TimeSpan.FromMinutes(10));
        await using var tab = await PortalPage.OpenAsync(browser, portal);
        for (var i = 0; i < 3; i++)
        {
            await tab.SignInAsync($"someone-{i}@lr.example.org", "not-the-password", expectSuccess: false);
            await Assertions.Expect(tab.Page.Locator("#login-error")).ToContainTextAsync("email address or password is not right");
        }

        await tab.SignInAsync(DemoAccounts.LrOfficer, expectSuccess: false);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Too many attempts", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#too-many-attempts")).ToContainTextAsync("Wait 10 minutes and try again");
        await tab.AssertAccessibleAsync();
        Assert.DoesNotContain(tab.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
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
