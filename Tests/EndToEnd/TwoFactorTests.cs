using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Two-factor authentication with an authenticator app, driven as a person does; the test is the authenticator (Totp).
/// The account pages render statically, so these steps never wait for the interactive circuit on them.
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorTests(BrowserFixture browser) : IAsyncLifetime
{
    // A board member: the one role whose device may be remembered (Security:RememberDeviceForRoles).
    private const string Email = DemoAccounts.BoardMember;

    private readonly PortalFactory _portal = new(kestrel: true);

    private int MaxFailedSignIns => _portal.Get<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task TurnOn_WithQrCode_ThenSignInAsksForACode_AndPagesAreAccessible()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(Email);

        await tab.GotoAsync("Account/Manage/TwoFactorAuthentication", interactive: false);
        await Expect(tab.Page.Locator("#two-factor-status")).ToContainTextAsync("is off");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Set up authenticator app" }).ClickAsync();

        await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        var qrCode = tab.Page.GetByRole(AriaRole.Img, new() { Name = "QR code to scan with your authenticator app" });
        await Expect(qrCode).ToBeVisibleAsync();
        await Expect(qrCode).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        Assert.True(await qrCode.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The QR code image does not decode.");
        var key = await tab.Page.Locator("#shared-key").InnerTextAsync();
        var secret = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Expect(tab.Page.Locator("#authenticator-link")).ToHaveAttributeAsync(
            "href", $"otpauth://totp/Review%20Portal:board%40lr.example.org?secret={secret}&issuer=Review%20Portal&digits=6");
        await tab.AssertAccessibleAsync();

        await EnterCodeAsync(tab, Totp.Wrong(key), "Turn on two-factor authentication");
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("That code is not right");
        await tab.AssertAccessibleAsync();

        await EnterCodeAsync(tab, Totp.Next(key), "Turn on two-factor authentication");
        await Expect(Heading(tab, "Save your recovery codes")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator(".recovery-code")).ToHaveCountAsync(10);
        await tab.AssertAccessibleAsync();

        await SignOutAsync(tab);
        await tab.SignInAsync(Email, expectSuccess: false);
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        await Expect(Heading(tab, "Enter your authenticator code")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await EnterCodeAsync(tab, Totp.Wrong(key), "Sign in");
        await Expect(tab.Page.Locator("#two-factor-error")).ToContainTextAsync("That code is not right");
        await tab.AssertAccessibleAsync();

        await EnterCodeAsync(tab, Totp.Next(key), "Sign in");
        await tab.WaitForInteractiveAsync();
        await Expect(Heading(tab, "Your work")).ToBeVisibleAsync();

        var authCookie = (await tab.Page.Context.CookiesAsync()).Single(c => c.Name == "portal.auth");
        Assert.True(authCookie.HttpOnly, "Script must not read the sign-in cookie.");
        Assert.Equal(SameSiteAttribute.Strict, authCookie.SameSite);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task ManagePages_WithTwoFactorOn_EachDoWhatTheySay_AndAreAccessible()
    {
        var (key, oldCodes) = await TurnOnTwoFactorAsync();
        var displayName = await _portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == Email).DisplayName));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(Email, expectSuccess: false);
        await tab.Page.GetByLabel("Do not ask for a code on this device for 14 days").CheckAsync();
        await EnterCodeAsync(tab, Totp.Next(key), "Sign in");
        await tab.WaitForInteractiveAsync();

        await tab.GotoAsync("Account/Manage", interactive: false);
        await Expect(Heading(tab, "Your account")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#display-name")).ToHaveTextAsync(displayName);
        await Expect(tab.Page.Locator("#email")).ToHaveTextAsync(Email);
        await Expect(tab.Page.Locator("#two-factor-status")).ToContainTextAsync("On.");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Change two-factor settings" }).ClickAsync();
        await Expect(tab.Page.Locator("#two-factor-status")).ToContainTextAsync("is on");
        await Expect(tab.Page.Locator("#recovery-codes-left")).ToContainTextAsync("10 recovery codes");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Forget this device" }).ClickAsync();
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("This device is forgotten");
        await Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Forget this device" })).ToHaveCountAsync(0);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Get new recovery codes" }).ClickAsync();
        await Expect(Heading(tab, "Get new recovery codes")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        // Asked for the password or a current code again (issue 13, finding 6): without either nothing changes. Here a
        // code from the app; the pages below take the password.
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Get new recovery codes" }).ClickAsync();
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Nothing was changed");
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("or a current code from your authenticator app");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Or a code from your authenticator app").FillAsync(Totp.Next(key));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Get new recovery codes" }).ClickAsync();
        await Expect(Heading(tab, "Save your recovery codes")).ToBeVisibleAsync();
        var newCodes = await tab.Page.Locator(".recovery-code").AllInnerTextsAsync();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        await tab.GotoAsync("Account/Manage/ChangePassword", interactive: false);
        await Expect(tab.Page.Locator("#new-password-hint")).ToContainTextAsync("at least 12 characters");
        await tab.AssertAccessibleAsync();
        await ChangePasswordAsync(tab, "not-my-password", "Another-Password-2026!");
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Your current password is not right");
        await tab.AssertAccessibleAsync();
        await ChangePasswordAsync(tab, _portal.DemoPassword, "Another-Password-2026!");
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Your password has been changed");

        await tab.GotoAsync("Account/Manage/ResetAuthenticator", interactive: false);
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Your password").FillAsync("Another-Password-2026!");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Reset authenticator app" }).ClickAsync();
        await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Your authenticator key has been reset");
        var newKey = await tab.Page.Locator("#shared-key").InnerTextAsync();
        Assert.NotEqual(key, newKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        await EnterCodeAsync(tab, Totp.Next(newKey), "Turn on two-factor authentication");
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Your existing recovery codes still work");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Turn off two-factor authentication" }).ClickAsync();
        await Expect(Heading(tab, "Turn off two-factor authentication")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Your password").FillAsync("Another-Password-2026!");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor authentication" }).ClickAsync();
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Two-factor authentication is off");
        await Expect(tab.Page.Locator("#two-factor-status")).ToContainTextAsync("is off");
        await tab.AssertAccessibleAsync();

        // Still signed in after every change of security stamp above: this session's cookie was refreshed each time.
        await tab.GotoAsync("");
        await Expect(Heading(tab, "Your work")).ToBeVisibleAsync();

        foreach (var page in new[] { "Account/AccessDenied", "Account/InvalidUser", "Account/Lockout" })
        {
            await tab.GotoAsync(page, interactive: false);
            await tab.AssertAccessibleAsync();
        }

        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_ThenIsRefusedWithAClearMessage()
    {
        var (_, codes) = await TurnOnTwoFactorAsync();
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.Page.GotoAsync("Account/LoginWithRecoveryCode");
        await Expect(Heading(tab, "Sign in")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#status-message")).ToContainTextAsync("Sign in again with your email address and password");
        await tab.AssertAccessibleAsync();

        await StartRecoveryCodeSignInAsync(tab);
        await tab.AssertAccessibleAsync();
        await EnterRecoveryCodeAsync(tab, codes[0].ToLowerInvariant());
        await tab.WaitForInteractiveAsync();
        await Expect(Heading(tab, "Your work")).ToBeVisibleAsync();

        await SignOutAsync(tab);
        await StartRecoveryCodeSignInAsync(tab);
        await EnterRecoveryCodeAsync(tab, codes[0]);
        await Expect(tab.Page.Locator("#recovery-code-error")).ToContainTextAsync("has already been used");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task WrongAuthenticatorCodes_LockTheAccount_EvenForTheRightCode()
    {
        var (key, _) = await TurnOnTwoFactorAsync();
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(Email, expectSuccess: false);

        for (var attempt = 1; attempt < MaxFailedSignIns; attempt++)
        {
            await EnterCodeAsync(tab, Totp.Wrong(key), "Sign in");
            await Expect(tab.Page.Locator("#two-factor-error")).ToContainTextAsync("That code is not right");
        }

        await EnterCodeAsync(tab, Totp.Wrong(key), "Sign in");
        await Expect(Heading(tab, "Your account is locked")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.Page.GotoAsync("Account/LoginWith2fa");
        await EnterCodeAsync(tab, Totp.Next(key), "Sign in");
        await Expect(Heading(tab, "Your account is locked")).ToBeVisibleAsync();
    }

    // Identity itself neither counts wrong recovery codes nor checks lockout before redeeming one; the page does both.
    [Fact]
    public async Task WrongRecoveryCodes_LockTheAccount_EvenForAGoodCode()
    {
        var (_, codes) = await TurnOnTwoFactorAsync();
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await StartRecoveryCodeSignInAsync(tab);

        for (var attempt = 1; attempt < MaxFailedSignIns; attempt++)
        {
            await EnterRecoveryCodeAsync(tab, "AAAAA-AAAAA");
            await Expect(tab.Page.Locator("#recovery-code-error")).ToContainTextAsync("not right");
        }

        await EnterRecoveryCodeAsync(tab, "AAAAA-AAAAA");
        await Expect(Heading(tab, "Your account is locked")).ToBeVisibleAsync();

        await tab.Page.GotoAsync("Account/LoginWithRecoveryCode");
        await EnterRecoveryCodeAsync(tab, codes[0]);
        await Expect(Heading(tab, "Your account is locked")).ToBeVisibleAsync();
    }

    private static ILocator Heading(PortalPage tab, string name) =>
        tab.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    private static async Task EnterCodeAsync(PortalPage tab, string code, string button)
    {
        await tab.Page.GetByLabel("Authenticator code").FillAsync(code);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    private static async Task ChangePasswordAsync(PortalPage tab, string current, string next)
    {
        await tab.Page.GetByLabel("Current password").FillAsync(current);
        await tab.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
        await tab.Page.GetByLabel("New password again").FillAsync(next);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }

    private static async Task EnterRecoveryCodeAsync(PortalPage tab, string code)
    {
        await tab.Page.GetByLabel("Recovery code").FillAsync(code);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private static async Task StartRecoveryCodeSignInAsync(PortalPage tab)
    {
        await tab.SignInAsync(Email, expectSuccess: false);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await Expect(Heading(tab, "Sign in with a recovery code")).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(PortalPage tab)
    {
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// The set-up through the pages is the first test's subject; the others start from an account that has it.
    private async Task<(string Key, string[] RecoveryCodes)> TurnOnTwoFactorAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(Email) ?? throw new InvalidOperationException($"No demo account {Email}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        return ((await users.GetAuthenticatorKeyAsync(user))!, [.. codes]);
    }
}
