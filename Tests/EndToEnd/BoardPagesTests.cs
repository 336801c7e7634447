using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Themes;

namespace Portal.EndToEnd.Tests;

/// Board members read the board report and the learning page (never a case); officers tag themes and add case updates.
[Collection(BrowserCollection.Name)]
public sealed class BoardPagesTests(BrowserFixture browser, BoardPagesTests.Server server) : IClassFixture<BoardPagesTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(kestrel: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    private PortalFactory Portal => server.Portal;

    private Task<Review> LrReviewAsync() => Portal.WithDbAsync(db =>
        db.Reviews.Where(r => r.Reference.StartsWith("LR-") && r.Stage != Stage.Closed).OrderBy(r => r.Id).FirstAsync());

    [Fact]
    public async Task BoardMember_OpensTheReportAndLearning_DownloadsTheDocx_AndCannotOpenACase()
    {
        var review = await LrReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<ReviewThemesHandler>().SetThemesAsync(officer, review.Id, [1, 9])).IsSuccess);
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());

        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Board report" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Board report: reviews in progress", Level = 1 })).ToBeVisibleAsync();
        await tab.GotoAsync($"reports/board?org={office}");
        var table = tab.Page.Locator("#board-in-progress");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("thead th").Nth(1)).ToHaveTextAsync("Referral awaiting decision");
        await Assertions.Expect(tab.Page.Locator("#board-timeliness")).ToBeVisibleAsync();
        Assert.DoesNotContain(review.Summary, await tab.Page.ContentAsync(), StringComparison.Ordinal);
        await tab.AssertAccessibleAsync();
        var pageRows = await table.Locator("tbody tr").CountAsync();

        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#board-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        await using (var file = File.OpenRead(path))
        {
            var tables = BoardReportDocx.ReadTables(file);
            Assert.Equal("First presented to the CRG", tables[0][0][0]);
            Assert.Equal(pageRows, tables[0].Count - 1);
            Assert.Equal(await table.Locator("tbody tr").First.Locator("th").InnerTextAsync(), tables[0][1][0]);
        }

        File.Delete(path);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Exported)));

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Themes and learning" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        var counts = tab.Page.Locator("#learning-counts");
        await Assertions.Expect(counts).ToBeVisibleAsync();
        await Assertions.Expect(counts.Locator("tr", new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Coercive control", Exact = true }) })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#learning-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Recommendations to the same agency that recur", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Themes that recur after actions were signed off", Level = 2 })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.GotoAsync($"reviews/{review.Id}");
        await Assertions.Expect(tab.Page.Locator("#no-access")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText(review.CaseLabel)).ToHaveCountAsync(0);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Refused && a.SubjectId == review.Id.ToString())));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_TagsAReviewWithThemes_AndAddsACaseUpdate()
    {
        var review = await LrReviewAsync();
        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{review.Id}");

        await tab.Page.Locator("#edit-themes").ClickAsync();
        await tab.Page.GetByLabel("Stalking", new() { Exact = true }).CheckAsync();
        await tab.Page.GetByLabel("MARAC", new() { Exact = true }).CheckAsync();
        await tab.Page.Locator("#save-themes").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#themes-tagged")).ToContainTextAsync("Stalking");
        await Assertions.Expect(tab.Page.Locator("#themes-tagged")).ToContainTextAsync("MARAC");

        await tab.Page.Locator("#add-update").ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("Write the update: where the review stands now.")).ToBeVisibleAsync();
        await tab.Page.GetByLabel("New update").FillAsync("Inquest listed for March");
        await tab.Page.Locator("#add-update").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#latest-update")).ToHaveTextAsync("Inquest listed for March");
        await tab.AssertAccessibleAsync();

        var tagged = await Portal.WithDbAsync(db => db.ReviewThemes.Where(t => t.ReviewId == review.Id).Select(t => t.ThemeId).ToListAsync());
        Assert.Contains(3, tagged);
        Assert.Contains(14, tagged);
        Assert.Empty(tab.ConsoleErrors);
    }
}
