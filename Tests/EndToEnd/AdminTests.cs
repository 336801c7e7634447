using System.Text.RegularExpressions;
using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Data;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Admin_CreatesAnAgencyAndAContactForIt_WhoThenSignsInWithTheTemporaryPassword()
    {
        var agency = $"Test Refuge {Guid.NewGuid():N}"[..20];
        var email = $"contact.{Guid.NewGuid():N}@refuge.example.org";
        string password;
        await using (var admin = await PortalPage.OpenAsync(browser, _portal))
        {
            await admin.SignInAsync(DemoAccounts.Admin);
            await admin.GotoAsync("admin/organisations");
            var page = admin.Page;
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kent Police", Exact = true })).ToBeVisibleAsync();
            await admin.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync(agency);
            await dialog.GetByLabel("Senior manager's email").FillAsync("head@refuge.example.org");
            await admin.AssertAccessibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"{agency} added.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = agency, Exact = true })).ToBeVisibleAsync();
            Assert.Equal("head@refuge.example.org", await _portal.WithDbAsync(db =>
                db.Organisations.Where(o => o.Name == agency).Select(o => o.EscalationEmail).SingleAsync()));

            await admin.GotoAsync("admin/users/new");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Robin Refuge");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Agency contact").CheckAsync();
            await ChooseAsync(page, "Agencies", agency);
            await admin.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            await Assertions.Expect(page.Locator("#account-created")).ToContainTextAsync(email);
            password = await page.Locator("#temporary-password").InputValueAsync();
            Assert.True(password.Length >= 16, "a generated password is shown once");
            await admin.AssertAccessibleAsync();

            await admin.GotoAsync("admin/users");
            await page.GetByLabel("Search by name or email").FillAsync(email);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
            await Assertions.Expect(row).ToContainTextAsync("Agency contact");
            await Assertions.Expect(row).ToContainTextAsync(agency);
            await Assertions.Expect(row).ToContainTextAsync("23 Nov 2026");
            await admin.AssertAccessibleAsync();
            Assert.Empty(admin.ConsoleErrors);
        }

        // The password was temporary: the first thing the contact must do is choose their own.
        await using var contact = await PortalPage.OpenAsync(browser, _portal);
        await contact.SignInAsync(email, password, expectSuccess: false);
        var self = contact.Page;
        await self.WaitForURLAsync(url => url.Contains("/Account/Manage/ChangePassword", StringComparison.Ordinal));
        await Assertions.Expect(self.GetByText("The password you were given is temporary")).ToBeVisibleAsync();
        await contact.AssertAccessibleAsync();

        await self.GotoAsync("preferences");
        Assert.Contains("/Account/Manage/ChangePassword", self.Url, StringComparison.Ordinal);

        await self.GetByLabel("Current password").FillAsync(password);
        await self.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await self.GetByLabel("New password again").FillAsync(password);
        await self.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(self.GetByText("Choose a new password, different from the temporary one.")).ToBeVisibleAsync();

        const string own = "Robins-Own-Password-2026!";
        await self.GetByLabel("Current password").FillAsync(password);
        await self.GetByLabel("New password", new() { Exact = true }).FillAsync(own);
        await self.GetByLabel("New password again").FillAsync(own);
        await self.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(self.GetByText("Your password has been changed.")).ToBeVisibleAsync();

        await contact.GotoAsync("");
        await Assertions.Expect(self.GetByText("Agency contact")).ToBeVisibleAsync();
        Assert.False(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task Admin_AsksForTheDpoRole_ItWaitsForASecondAdministrator_WhoApprovesItOnTheUsersPage()
    {
        const string second = "second-admin@example.org";
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = new PortalUser { UserName = second, Email = second, DisplayName = "Sasha Second" };
            Assert.True((await accounts.CreateAsync(account, _portal.DemoPassword)).Succeeded);
            Assert.True((await accounts.AddToRoleAsync(account, Roles.Administrator)).Succeeded);
        }

        var boardId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.BoardMember).Select(u => u.Id).SingleAsync());
        await using (var first = await PortalPage.OpenAsync(browser, _portal))
        {
            await first.SignInAsync(DemoAccounts.Admin);
            await first.GotoAsync($"admin/users/{boardId}");
            var page = first.Page;
            await page.GetByLabel("Data protection officer").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(page.Locator("#pending-roles")).ToContainTextAsync("Awaiting a second administrator's approval: Data protection officer");
            await first.AssertAccessibleAsync();

            await first.GotoAsync("admin/users");
            var pending = page.Locator("#pending-role-grants");
            await Assertions.Expect(pending).ToContainTextAsync("Another administrator must approve it.");
            await Assertions.Expect(pending.GetByRole(AriaRole.Button, new() { NameRegex = new("^Approve") })).ToHaveCountAsync(0);
            await first.AssertAccessibleAsync();
        }

        Assert.DoesNotContain(Role.DataProtectionOfficer, (await _portal.ActorAsync(DemoAccounts.BoardMember)).Roles);
        await using var approver = await PortalPage.OpenAsync(browser, _portal);
        await approver.SignInAsync(second);
        await approver.GotoAsync("admin/users");
        var users = approver.Page;
        await users.GetByRole(AriaRole.Button, new() { NameRegex = new("^Approve Data protection officer for ") }).ClickAsync();
        var confirm = users.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("every administrator is told by email");
        await approver.AssertAccessibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Approve and grant" }).ClickAsync();

        await Assertions.Expect(users.GetByText(new Regex("^Data protection officer granted to "))).ToBeVisibleAsync();
        await Assertions.Expect(users.Locator("#pending-role-grants")).ToHaveCountAsync(0);
        Assert.Contains(Role.DataProtectionOfficer, (await _portal.ActorAsync(DemoAccounts.BoardMember)).Roles);
        Assert.Empty(approver.ConsoleErrors);
    }

    [Fact]
    public async Task Admin_ResetsALostAuthenticator_AfterConfirming_ThePersonsOpenPageEnds_AndTheyAreEmailed()
    {
        string key;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await accounts.FindByEmailAsync(DemoAccounts.LrManager))!;
            await accounts.ResetAuthenticatorKeyAsync(account);
            await accounts.SetTwoFactorEnabledAsync(account, true);
            key = (await accounts.GetAuthenticatorKeyAsync(account))!;
        }

        var managerId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.LrManager).Select(u => u.Id).SingleAsync());
        await using var person = await PortalPage.OpenAsync(browser, _portal);
        await person.SignInWithAuthenticatorAsync(DemoAccounts.LrManager, _portal.DemoPassword, key);

        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        var adminId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync());
        await admin.GotoAsync($"admin/users/{adminId}");
        await Assertions.Expect(admin.Page.Locator("#sign-in-status")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Reset authenticator app" })).ToHaveCountAsync(0);

        await admin.GotoAsync($"admin/users/{managerId}");
        var page = admin.Page;
        var resetButton = page.Locator("#main").GetByRole(AriaRole.Button, new() { Name = "Reset authenticator app" });
        await Assertions.Expect(page.Locator("#sign-in-status")).ToContainTextAsync("Two-factor authentication is on.");
        await resetButton.ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("signed out everywhere");
        await admin.AssertAccessibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == managerId).Select(u => u.TwoFactorEnabled).SingleAsync()));

        await resetButton.ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Reset authenticator app" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("authenticator app reset\\.$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sign-in-status")).Not.ToContainTextAsync("Two-factor authentication is on.");
        await Assertions.Expect(resetButton).ToHaveCountAsync(0);

        // The person's open page ends at once, and the password alone signs them in again (their role needs no code here).
        await Assertions.Expect(person.Page).ToHaveURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase), new() { Timeout = 10_000 });
        await person.SignInAsync(DemoAccounts.LrManager);
        var mail = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == managerId && m.Reason == "AuthenticatorReset").Select(m => m.Subject).SingleAsync());
        Assert.Equal("Your authenticator app for Review Portal was reset", mail);
        Assert.Empty(admin.ConsoleErrors);
    }

    [Fact]
    public async Task Admin_SavingAnInvalidAccount_SeesEachMessageBesideItsField()
    {
        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/users/new");
        var page = admin.Page;
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nia Officer");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.LrOfficer);
        await page.GetByLabel("Review officer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.GetByText("An account with this email address already exists")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose the review office this person works for")).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_DeactivatingAnOrganisation_IsConfirmedFirst()
    {
        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/organisations");
        var page = admin.Page;
        await page.GetByLabel("Search by name or code").FillAsync("Probation");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kent Police", Exact = true })).ToHaveCountAsync(0); // search applied
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate Probation Service" }).ClickAsync();

        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("You can reactivate it later");
        await admin.AssertAccessibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Probation Service deactivated.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reactivate Probation Service" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Officer_OpeningTheUsersPage_IsRefusedAndSeesNoAccounts()
    {
        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        var page = officer.Page;

        // Within the app (the circuit's router): the portal's own "no access" page.
        await page.EvaluateAsync("Blazor.navigateTo('admin/users')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell)).ToHaveCountAsync(0);
        await officer.AssertAccessibleAsync();

        // A full page load is refused by the endpoint's authorization before any component runs: the sign-in
        // cookie's access-denied page.
        await page.GotoAsync("admin/users");
        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(DemoAccounts.Admin)).ToHaveCountAsync(0);
        await officer.AssertAccessibleAsync();
    }

    /// Opens a MudSelect by its label and picks one option from its pop-over list.
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        // The list allows several choices: Escape closes it, and the select takes the focus back a moment later.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator($"div.mud-select:has([aria-label='{label}']) :focus")).ToHaveCountAsync(1);
    }
}
