using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.EndToEnd.Tests;

/// The database round trips of opening a page as a person does, counted on the server: a full load is the prerendered
/// page, Blazor's requests that open its circuit, and the circuit. The account gate reads the person once for each
/// request that is not a file; the pages themselves add one load, the circuit's (the prerendered page takes the
/// gate's). docs/BENCHMARKS.md has the figures.
[Collection(BrowserCollection.Name)]
public sealed class PageRoundTripTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task OpeningTheReviewPageAndTheTeamQueue_ThePagesLoadThePersonOnce()
    {
        var reviewId = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Reference.StartsWith("LR-") && r.Stage == Stage.PanelAndReport)
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        using var counter = new DbCommandCounter(_portal.DataPath);
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await counter.QuietAsync(Quiet, Patience);

        counter.Reset();
        await tab.GotoAsync($"reviews/{reviewId}");
        await Assertions.Expect(tab.Page.Locator("#review-details")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#process-stage")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#case-updates")).ToBeVisibleAsync();
        await counter.QuietAsync(Quiet, Patience);
        AssertOneLoadMoreThanTheGate("review page", counter);

        counter.Reset();
        await tab.GotoAsync("work/team");
        await Assertions.Expect(tab.Page.Locator("#work-queue tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("[data-count='work/team']")).Not.ToBeEmptyAsync();
        await counter.QuietAsync(Quiet, Patience);
        AssertOneLoadMoreThanTheGate("team queue", counter);
    }

    private void AssertOneLoadMoreThanTheGate(string page, DbCommandCounter counter)
    {
        // Files (styles, scripts, the favicon) pass the gate without reading the person.
        var gated = counter.Requests.Where(r => !Path.HasExtension(r)).ToList();
        output.WriteLine($"{page}: {counter.Commands.Count} commands, {counter.PersonLoads} loads of the person; requests read by the gate: {string.Join(", ", gated)}");
        Assert.InRange(counter.PersonLoads, 1, gated.Count + 1);
    }
}
