using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Agency contacts with an administrator's approval (issue 13, finding 2), as people do it: an officer asks for one,
/// nothing exists until an administrator approves it on the approvals page (a refusal needs a reason), and the
/// approved contact then appears in the officer's contact picker. axe on every page.
[Collection(BrowserCollection.Name)]
public sealed class AgencyContactApprovalTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static async Task AskAsync(PortalPage officer, string name, string email)
    {
        await officer.GotoAsync("people/invite");
        await officer.Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await officer.Page.GetByLabel("Email address").FillAsync(email);
        await officer.Page.GetByLabel("Agency contact").CheckAsync();
        // The server has the role when the button says what happens next: only then choose the agency.
        await Expect(officer.Page.GetByRole(AriaRole.Button, new() { Name = "Ask an administrator to approve" })).ToBeVisibleAsync();
        await officer.ChooseAsync("access-agencies", "Leicestershire Police", multiple: true);
        await AssertCleanAsync(officer);
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Ask an administrator to approve" }).ClickAsync();
        await Expect(officer.Page.Locator("#contact-asked")).ToContainTextAsync(email);
        await AssertCleanAsync(officer);
    }

    [Fact]
    public async Task Officer_AsksForAContact_AdministratorApprovesOneAndRefusesAnother_ThenThePickerListsTheApprovedOne()
    {
        var approved = $"nell.{Guid.NewGuid():N}@police.example.org";
        var refused = $"rex.{Guid.NewGuid():N}@police.example.org";
        var reviewId = await _portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await AskAsync(officer, "Nell Newcontact", approved);
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Invite someone else" }).ClickAsync();
        await AskAsync(officer, "Rex Refused", refused);
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == approved || u.Email == refused)));

        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Waiting for approval" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for your approval", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/admin/approvals", new Uri(admin.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await admin.WaitForInteractiveAsync();
        var waiting = admin.Page.Locator("#contact-requests tbody tr");
        var nell = waiting.Filter(new() { HasText = approved });
        await Expect(nell).ToContainTextAsync("Leicestershire Police");
        await Expect(nell).ToContainTextAsync(DemoAccounts.LrOfficer);
        await AssertCleanAsync(admin);

        // Refusing needs a reason, shown beside the field; the reason is kept for the officer.
        await waiting.Filter(new() { HasText = refused }).GetByRole(AriaRole.Button, new() { Name = "Refuse Rex Refused" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Refuse the request" }).ClickAsync();
        await Expect(admin.Page.Locator("#refuse-form")).ToContainTextAsync("Say why, for the officer who asked");
        await AssertCleanAsync(admin);
        await admin.Page.GetByLabel("Why").FillAsync("The police do not know this person.");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Refuse the request" }).ClickAsync();
        await Expect(admin.Page.Locator("#decided-requests")).ToContainTextAsync("Refused: The police do not know this person.");

        await nell.GetByRole(AriaRole.Button, new() { Name = "Approve Nell Newcontact" }).ClickAsync();
        var dialog = admin.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Approve Nell Newcontact as an agency contact of Leicestershire Police?");
        await AssertCleanAsync(admin);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(admin.Page.GetByText("Nell Newcontact approved: their invitation is on its way.")).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#no-contact-requests")).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#decided-requests tbody tr").Filter(new() { HasText = "Nell Newcontact" })).ToContainTextAsync("Approved");
        await AssertCleanAsync(admin);
        Assert.True(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == approved)));
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == refused)));

        await officer.GotoAsync($"reviews/{reviewId}");
        await officer.ChooseAsync("request-contacts", "Leicestershire Police: Nell Newcontact", multiple: true);
        await AssertCleanAsync(officer);
    }
}
