using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Admin;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// One rule for the lead office (issue 13, finding 8), as people meet it: an administrator moves a CSP to another office
/// (the dialog warns first); the old office's open page of the review's family log and drafts is refused on its next
/// request, the new office runs the review, and the review's timeline says the office changed. axe on every page.
[Collection(BrowserCollection.Name)]
public sealed class CspMoveEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Administrator_MovesACsp_OldOfficeLosesTheFamilyLogAndDrafts_NewOfficeRunsIt_AndTheTimelineSaysSo()
    {
        var csp = $"Moving CSP {Guid.NewGuid():N}"[..18];
        var offices = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).ToDictionaryAsync(o => o.Code!, o => o.Name));
        var lr = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var created = await _portal.Get<SaveOrganisationHandler>().CreateAsync(await _portal.ActorAsync(DemoAccounts.Admin), new OrganisationInput(csp, OrganisationKind.Csp, null, lr));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var reviewId = await _portal.RegisterReviewAsync(new DateOnly(2026, 11, 2), csp);

        await using var old = await PortalPage.OpenAsync(browser, _portal);
        await old.SignInAsync(DemoAccounts.LrOfficer);
        await old.GotoAsync($"reviews/{reviewId}/family");
        await Expect(old.Page.Locator("#no-contacts")).ToBeVisibleAsync();

        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/organisations");
        await admin.Page.GetByLabel("Search by name or code").FillAsync(csp);
        // Wait for the search to apply: a click while the grid redraws is lost with the button it hit.
        await Expect(admin.Page.Locator("button[aria-label^='Edit ']")).ToHaveCountAsync(1);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = $"Edit {csp}" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await admin.ChooseAsync("serving-office", offices["KT"]);
        var dialog = admin.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#csp-move-warning")).ToContainTextAsync($"{offices["LR"]} loses");
        await admin.AssertAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.Page.GetByText($"{csp} saved.")).ToBeVisibleAsync();

        // The old office's next request: refused, family log and drafts alike.
        foreach (var page in new[] { "family", "drafts" })
        {
            await old.GotoAsync($"reviews/{reviewId}/{page}");
            await Expect(old.Page.Locator("#no-access")).ToBeVisibleAsync();
            await Expect(old.Page.Locator("#no-contacts")).ToHaveCountAsync(0);
        }

        await old.AssertAccessibleAsync();

        await using var kent = await PortalPage.OpenAsync(browser, _portal);
        await kent.SignInAsync(DemoAccounts.KentOfficer);
        await kent.GotoAsync($"reviews/{reviewId}");
        var journal = kent.Page.Locator("#review-journal");
        await Expect(journal).ToContainTextAsync("Office changed");
        await Expect(journal).ToContainTextAsync(offices["KT"]);
        await kent.AssertAccessibleAsync();
        await kent.GotoAsync($"reviews/{reviewId}/family");
        await Expect(kent.Page.Locator("#no-contacts")).ToBeVisibleAsync();
        await kent.AssertAccessibleAsync();
        Assert.Empty(kent.ConsoleErrors);
    }
}
