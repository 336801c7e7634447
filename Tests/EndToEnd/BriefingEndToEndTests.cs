using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.EndToEnd.Tests;

/// Issue 18: the officer opens a signed-off review's briefing from the review page, finds its themes and recommendation
/// filled in, is told beside the field that a summary is needed (nothing saved), writes the summary and a question,
/// saves, downloads the .docx with what was written, and logs the briefing in the dissemination log from the same page.
/// axe on the page at each step.
[Collection(BrowserCollection.Name)]
public sealed class BriefingEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_EditsTheBriefing_DownloadsIt_AndLogsIt()
    {
        var id = await ReviewAtSignOffAsync(_portal, signedOff: true);
        Assert.True((await _portal.Get<Workflows.Themes.ReviewThemesHandler>().SetThemesAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer), id, [1])).IsSuccess);
        await RecommendationAsync(_portal, id);
        await PublishAsync(_portal, id);

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await page.Locator("#briefing-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The briefing" })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#briefing-themes")).ToHaveValueAsync("Coercive control");
        await Assertions.Expect(page.Locator("#briefing-recommendations"))
            .ToHaveValueAsync("R1 (Single agency: Leicestershire Police): Police to review how they assess risk after separation.");
        await Assertions.Expect(page.Locator("#briefing-links")).ToContainTextAsync("https://www.example.org/dhr");
        await AssertCleanAsync(tab);

        // No summary: told beside the field, nothing saved.
        await page.Locator("#save-briefing").ClickAsync();
        await Assertions.Expect(page.Locator("div.mud-input-control:has(#briefing-summary)")).ToContainTextAsync("Write a short summary of the review");
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ReviewBriefings.CountAsync(b => b.ReviewId == id)));
        await AssertCleanAsync(tab);

        await page.Locator("#briefing-summary").FillAsync("Case A died in 2025. Agencies held pieces of the picture but did not share them.");
        await page.Locator("#briefing-questions").FillAsync("How does your service ask about coercive control?");
        await page.Locator("#save-briefing").ClickAsync();
        await Assertions.Expect(page.Locator("#briefing-state")).ToContainTextAsync("Last saved 23 Nov 2026");
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ReviewBriefings.CountAsync(b => b.ReviewId == id)));
        await AssertCleanAsync(tab);

        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#briefing-docx").ClickAsync());
        Assert.Equal($"{reference}-briefing.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
        {
            var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Agencies held pieces of the picture", text, StringComparison.Ordinal);
            Assert.Contains("How does your service ask about coercive control?", text, StringComparison.Ordinal);
            Assert.Contains("https://www.example.org/dhr", text, StringComparison.Ordinal);
        }

        File.Delete(path);

        // Logged from the same page: "What" is already Briefing.
        await page.Locator("#dissemination-audience").FillAsync("GP practice leads, Rutland");
        await page.Locator("#dissemination-date").FillAsync("20/11/2026");
        await page.Locator("#dissemination-date").PressAsync("Tab");
        await page.Locator("#dissemination-attendance").FillAsync("18");
        await page.Locator("#add-dissemination").ClickAsync();
        await Assertions.Expect(page.Locator("#dissemination-log tbody tr").First.Locator("td"))
            .ToHaveTextAsync(["20 Nov 2026", "Briefing", "GP practice leads, Rutland", "18", "23 Nov 2026 10:00, Olivia Officer"]);
        await AssertCleanAsync(tab);
    }
}
