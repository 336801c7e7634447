using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The audit trail page in words, and its export (issue 16): an administrator filters by case, reads who did what in
/// plain English, and downloads the same rows as a .csv, which is itself audited.
[Collection(BrowserCollection.Name)]
public sealed class AuditTrailPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Administrator_FiltersTheAuditTrail_ReadsItInWords_AndExportsTheSameRows()
    {
        var reference = await _portal.WithDbAsync(db => db.Reviews.OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.GotoAsync("audit");

        await page.Locator("#audit-reference").FillAsync(reference);
        await tab.ChooseAsync("audit-subject", "Review");
        await page.Locator("#audit-search").ClickAsync();
        var rows = page.Locator("#audit-grid tbody tr");
        await Expect(rows.First).ToContainTextAsync(reference);
        var shown = await rows.AllInnerTextsAsync();
        Assert.All(shown, r => Assert.Contains("\tReview\t", r, StringComparison.Ordinal));
        Assert.All(shown, r => Assert.DoesNotMatch(@"\b[A-Z][a-z]+[A-Z][a-z]+", r)); // no joined-up codes
        await Expect(page.Locator("#metadata-only")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#audit-export").ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);

        Assert.Matches(@"^audit-trail-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        Assert.Equal("Date,Time (London),Person,Email,What,Subject,Case", lines[0].TrimStart('\uFEFF'));
        // The rows the page showed, oldest first, in the same words; no details for an administrator.
        var exported = lines.Skip(1).ToList();
        Assert.Equal(shown.Count, exported.Count);
        Assert.All(exported, l => Assert.Matches($@"^\d{{1,2}} [A-Z][a-z]{{2}} \d{{4}},\d{{2}}:\d{{2}}:\d{{2}},[^,]+,[^,]*,[A-Z][a-z]+,Review,{reference}$", l));
        Assert.Equal(shown.Select(s => s.Split('\t')[2]).Reverse(), exported.Select(l => l.Split(',')[4]));

        var admin = await _portal.ActorAsync(DemoAccounts.Admin);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == admin.UserId && a.Action == AuditAction.Exported
            && a.Subject == "AuditTrail" && a.Detail == $"audit export (metadata only): {exported.Count} row(s); case {reference}, subject: Review")));
    }
}
