using System.Text.RegularExpressions;
using Domain.Access;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Email;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Accounts by email, driven as people do: the invitation arrives at a real SMTP server (maildev), the link sets a
/// password and two-factor authentication, works once, and a disabled account's open page stops working.
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Invited-Password-2026!";

    private readonly MailDev _mail = new();
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true).SendEmailThrough(_mail)
            .RequireTwoFactorFor(Roles.IndependentAuthor, Roles.CrgMember)
            .RevalidateSessionsEvery(TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _mail.Dispose();
    }

    [Fact]
    public async Task InvitedAuthor_SetsPasswordAndTwoFactor_SignsIn_LinkThenFails_AndDisablingEndsTheOpenPage()
    {
        var email = $"author.{Guid.NewGuid():N}@invited.example.org";
        var invited = await _portal.Get<InviteUserHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer),
            new Invite("Ada Author", email, new UserAccess([Role.IndependentAuthor], [], [])));
        Assert.True(invited.IsSuccess, invited.Error?.Message);
        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        var received = Assert.Single(await _mail.WaitForAsync(email));
        var link = new Uri(LinkPattern().Match(received.Text!).Value);

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.Page.GotoAsync(link.PathAndQuery.TrimStart('/'));
        await Expect(Heading(tab, "Set your password")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#invited-email")).ToHaveTextAsync(email);
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
        await tab.Page.GetByLabel("New password again").FillAsync(Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Set password and continue" }).ClickAsync();

        // The role needs two-factor authentication: set-up comes before anything else.
        await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#two-factor-required")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.Page.GotoAsync("reviews");
        await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        var key = await tab.Page.Locator("#shared-key").InnerTextAsync();
        await tab.Page.GetByLabel("Authenticator code").FillAsync(Totp.Next(key));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Expect(Heading(tab, "Save your recovery codes")).ToBeVisibleAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await tab.SignInAsync(email, Password, expectSuccess: false);
        await tab.Page.GetByLabel("Authenticator code").FillAsync(Totp.Next(key));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Expect(Heading(tab, "Your work")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText($"You are signed in as {email}")).ToBeVisibleAsync();

        await using (var second = await PortalPage.OpenAsync(browser, _portal))
        {
            await second.Page.GotoAsync(link.PathAndQuery.TrimStart('/'));
            await Expect(Heading(second, "This invitation cannot be used")).ToBeVisibleAsync();
            await Expect(second.Page.Locator("#invitation-error")).ToContainTextAsync("already been used");
            await second.AssertAccessibleAsync();
        }

        var disabled = await _portal.Get<SetUserDisabledHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.Admin), invited.Value.Id, disabled: true);
        Assert.True(disabled.IsSuccess, disabled.Error?.Message);
        // The open, interactive page ends at once and sends them to sign in (polled: the navigation may be over before a wait for it starts).
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase), new() { Timeout = 20_000 });
        await tab.SignInAsync(email, Password, expectSuccess: false);
        await Expect(tab.Page.Locator("#login-error")).ToContainTextAsync("This account has been disabled");
        Assert.DoesNotContain(tab.ConsoleErrors, e => e.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase));
        await _mail.ClearAsync(email);
    }

    [Fact]
    public async Task TwoFactorPolicy_SendsAUserWhoseRoleNeedsItToSetUp_AndRefusesEverythingElse()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.CrgMember, expectSuccess: false);
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/Manage/EnableAuthenticator", StringComparison.OrdinalIgnoreCase));
        await Expect(tab.Page.Locator("#two-factor-required")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        // Pages their role may open (pages it may not are refused as before, by the authorization middleware).
        foreach (var page in new[] { "", "preferences", "not-a-page" })
        {
            await tab.Page.GotoAsync(page);
            await Expect(Heading(tab, "Set up your authenticator app")).ToBeVisibleAsync();
        }

        var hub = await tab.Page.APIRequest.PostAsync("_blazor/negotiate?negotiateVersion=1");
        Assert.Equal(403, hub.Status);
        await tab.Page.GotoAsync("Account/Manage/ChangePassword");
        await Expect(Heading(tab, "Change your password")).ToBeVisibleAsync();

        // A role without the requirement (board member) signs in as before.
        await using var board = await PortalPage.OpenAsync(browser, _portal);
        await board.SignInAsync(DemoAccounts.BoardMember);
        await Expect(Heading(board, "Your work")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OutgoingMail_ShowsQueuedMessages_ResendsAfterConfirmation_AndIsAccessible()
    {
        var email = $"contact.{Guid.NewGuid():N}@invited.example.org";
        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);

        await admin.GotoAsync("people/invite");
        await admin.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Cal Contact");
        await admin.Page.GetByLabel("Email address").FillAsync(email);
        await admin.Page.GetByLabel("CRG member").CheckAsync();
        await admin.AssertAccessibleAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.Page.Locator("#invitation-sent")).ToContainTextAsync(email);

        await admin.GotoAsync("admin/mail");
        await Expect(Heading(admin, "Outgoing mail")).ToBeVisibleAsync();
        var row = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("You are invited to the Review Portal");
        await Expect(row).ToContainTextAsync("Waiting");
        await admin.AssertAccessibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Resend this email?");
        await admin.AssertAccessibleAsync();
        await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        await Expect(admin.Page.GetByText("The email will be tried again within a minute.")).ToBeVisibleAsync();

        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        Assert.Single(await _mail.WaitForAsync(email));
        await admin.GotoAsync("admin/mail");
        await Expect(admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Sent");

        await admin.GotoAsync("admin/mail/templates");
        // Plain-English names, sorted, each with when it is sent; the file name only as small print.
        var invitation = admin.Page.Locator(".mud-paper").Filter(new() { Has = admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Invitation to the portal", Level = 2, Exact = true }) });
        await Expect(invitation).ToContainTextAsync("When someone is invited: a one-time link to set a password.");
        await Expect(invitation).ToContainTextAsync("Files: Invitation.txt and Invitation.html");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "CRG papers shared", Level = 2, Exact = true })).ToBeVisibleAsync();
        var names = await admin.Page.Locator(".mud-paper h2").AllInnerTextsAsync();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        await admin.AssertAccessibleAsync();
        Assert.Empty(admin.ConsoleErrors);
        await _mail.ClearAsync(email);
    }

    private static ILocator Heading(PortalPage tab, string name) =>
        tab.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
