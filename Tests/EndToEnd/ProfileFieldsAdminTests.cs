using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// /admin/profile-fields in Chromium: an administrator opens it from the menu, is told beside the field that a question
/// is needed (nothing saved), adds a question with its answers, sees it in the list, and deactivates it after confirming. axe on the page.
[Collection(BrowserCollection.Name)]
public sealed class ProfileFieldsAdminTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Admin_AddsAQuestionToTheCaseProfile_AfterBeingToldOneIsNeeded_AndDeactivatesIt()
    {
        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        var page = admin.Page;
        await admin.SignInAsync(DemoAccounts.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Case profile fields" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case profile fields", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/admin/profile-fields", page.Url, StringComparison.Ordinal);
        await admin.WaitForInteractiveAsync();
        var before = await _portal.WithDbAsync(db => db.ProfileFields.CountAsync());
        await admin.AssertAccessibleAsync();

        await page.Locator("#field-add").ClickAsync();
        await Assertions.Expect(page.Locator("div.mud-input-control:has(#field-label)")).ToContainTextAsync("Enter the question as the form asks it");
        Assert.Equal(before, await _portal.WithDbAsync(db => db.ProfileFields.CountAsync()));

        await page.Locator("#field-label").FillAsync("Language spoken at home");
        await page.Locator("#field-choices").FillAsync("English\nPolish");
        await page.Locator("#field-add").ClickAsync();
        var row = page.Locator("#profile-fields-table tbody tr", new() { HasText = "Language spoken at home" });
        await Assertions.Expect(row).ToContainTextAsync("English, Polish");
        await Assertions.Expect(row).ToContainTextAsync("Active");
        Assert.Equal(before + 1, await _portal.WithDbAsync(db => db.ProfileFields.CountAsync()));

        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Stop asking \"Language spoken at home\"?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Deactivated");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Reactivate" })).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
        Assert.Empty(admin.ConsoleErrors);
    }
}
