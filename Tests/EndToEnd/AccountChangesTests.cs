using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// What a person sees when an administrator changes their access while they have a page open (issue 13, finding 3):
/// the page ends at once, not at the next revalidation (five minutes here, the default), and what they may now do
/// comes from the database.
[Collection(BrowserCollection.Name)]
public sealed class AccountChangesTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory(kestrel: true).RequireTwoFactorFor(Roles.ReviewOfficer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task BoardMemberPromotedToReviewOfficer_OpenPageEndsAtOnce_ThenTwoFactorComesBeforeAnyCase()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.GotoAsync("reports/board");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var admin = await _portal.ActorAsync(DemoAccounts.Admin);
        var board = await _portal.ActorAsync(DemoAccounts.BoardMember);
        var details = (await _portal.Get<GetUserHandler>().HandleAsync(admin, board.UserId)).Value;
        var lr = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var changed = await _portal.Get<ChangeUserHandler>().HandleAsync(admin,
            new UserChange(board.UserId, details.ConcurrencyStamp, details.DisplayName, new UserAccess([Role.ReviewOfficer], [lr], [])));
        Assert.True(changed.IsSuccess, changed.Error?.Message);

        // Polled: the navigation may be over before a wait for it would start.
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login", System.Text.RegularExpressions.RegexOptions.IgnoreCase), new() { Timeout = 10_000 });
        await tab.SignInAsync(DemoAccounts.BoardMember, expectSuccess: false);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app", Level = 1 })).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#two-factor-required")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        var review = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Reference.StartsWith("LR-")).Select(r => r.Id).FirstAsync());
        await tab.Page.GotoAsync($"reviews/{review}");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app", Level = 1 })).ToBeVisibleAsync();
    }
}
