using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Admin;

namespace Portal.EndToEnd.Tests;

/// A page left open: the circuit reads its person once, and again every Security:SessionRevalidation, so that access
/// someone has lost meanwhile ends on the page they have open without their doing anything.
[Collection(BrowserCollection.Name)]
public sealed class OpenSessionTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory(kestrel: true).RevalidateSessionsEvery(TimeSpan.FromSeconds(2));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task TheOfficerOfAnOfficeClosedMeanwhile_LosesTheReviewTheyHaveOpen_WithinTheRevalidationInterval()
    {
        var reviewId = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Reference.StartsWith("LR-") && r.Stage == Stage.PanelAndReport)
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{reviewId}");
        await Assertions.Expect(tab.Page.Locator("#review-details")).ToBeVisibleAsync();

        var office = await _portal.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "LR"));
        var closed = await _portal.Get<SetOrganisationActiveHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.Admin), office.Id, office.Version, active: false);
        Assert.True(closed.IsSuccess, closed.Error?.Message);

        // Nobody touches the page: the next revalidation reads the person without the office, and the page checks again.
        await Assertions.Expect(tab.Page.Locator("#no-access")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(tab.Page.Locator("#review-details")).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }
}
