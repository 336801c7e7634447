using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Profiles;

namespace Portal.EndToEnd.Tests;

/// A board member opens the board report and reads the activity overview's suppressed counts, on the page and in the .docx.
[Collection(BrowserCollection.Name)]
public sealed class ActivityOverviewPageTests(BrowserFixture browser, ActivityOverviewPageTests.Server server) : IClassFixture<ActivityOverviewPageTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(kestrel: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    private PortalFactory Portal => server.Portal;

    [Fact]
    public async Task BoardMember_OpensTheBoardReport_SeesTheOverviewWithFewerThanFive_AndTheDocxHoldsIt()
    {
        var (csp, cspName) = await Portal.NewLrCspAsync("E2E Overview CSP");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var sex = ProfileField.Seed.Single(f => f.Key == ProfileKeys.VictimSex).Id;
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await Portal.RegisterReviewAsync(new DateOnly(2026, 5, 5), cspName);
            Assert.True((await Portal.Get<SaveCaseProfileHandler>().HandleAsync(officer, new SaveCaseProfile(id, new Dictionary<int, string?> { [sex] = "Female" }))).IsSuccess);
            references.Add(await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync()));
        }

        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Board report" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await tab.GotoAsync($"reports/board?org={csp}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity overview", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Victims by sex", Level = 4 })).ToBeVisibleAsync();
        var bySex = page.Locator("#board-overview-1");
        await Assertions.Expect(bySex.Locator("thead th")).ToHaveTextAsync(["Financial year", "Female", "Male", "Not recorded", "Total"]);
        var year = bySex.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "2026-27", Exact = true }) });
        await Assertions.Expect(year.Locator("td")).ToHaveTextAsync(["fewer than 5", "0", "0", "fewer than 5"]);
        await Assertions.Expect(page.Locator("#board-overview-4 thead th").Nth(1)).ToHaveTextAsync("Homicide");
        await Assertions.Expect(page.Locator("#overview-help")).ToContainTextAsync("financial year (April to March) of its notification date");
        var overviewText = await page.Locator("#board-overview-1, #board-overview-2, #board-overview-3, #board-overview-4").AllInnerTextsAsync();
        Assert.DoesNotContain(overviewText, t => references.Any(r => t.Contains(r, StringComparison.Ordinal)));
        await tab.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#board-docx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            using (var doc = WordprocessingDocument.Open(path, false))
            {
                var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
                Assert.True(errors.Count == 0, string.Join('\n', errors));
                Assert.Contains("Activity overview", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
            }

            await using var file = File.OpenRead(path);
            var tables = BoardReportDocx.ReadTables(file);
            var sexTable = tables.Single(t => t[0].SequenceEqual(["Financial year", "Female", "Male", "Not recorded", "Total"]));
            Assert.Equal(["2026-27", "fewer than 5", "0", "0", "fewer than 5"], sexTable.Single(r => r[0] == "2026-27"));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Empty(tab.ConsoleErrors);
    }
}
