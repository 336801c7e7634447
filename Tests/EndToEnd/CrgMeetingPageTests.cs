using Domain.Audit;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// An officer plans a CRG meeting, attaches papers and shares them; a CRG member reads the agenda, downloads its papers
/// and nothing else.
[Collection(BrowserCollection.Name)]
public sealed class CrgMeetingPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_PlansAMeetingAndSharesThePapers_CrgMemberReadsTheAgendaOnly()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-5));
        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.LrOfficer);
            await page.GetByRole(AriaRole.Link, new() { Name = "CRG meetings" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRG meetings", Level = 1 })).ToBeVisibleAsync();
            await tab.WaitForInteractiveAsync();
            await tab.AssertAccessibleAsync();

            // A past date is refused beside the field.
            await page.Locator("#meeting-date").FillAsync("20/11/2026");
            await page.Locator("#meeting-date").PressAsync("Tab");
            await page.Locator("#create-meeting").ClickAsync();
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("must be in the future");

            // The time and place are asked for too, each beside its field.
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("Enter the time the meeting starts, for example 10:00.");
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("Enter where the meeting is held");
            await tab.AssertAccessibleAsync();

            await page.Locator("#meeting-date").FillAsync("14/12/2026");
            await page.Locator("#meeting-date").PressAsync("Tab");
            await page.Locator("#meeting-time").FillAsync("10:30");
            await page.Locator("#meeting-place").FillAsync("Committee Room 2, City Hall");
            await page.Locator("#create-meeting").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRG meeting, 14 Dec 2026", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#meeting-when")).ToHaveTextAsync("14 Dec 2026 at 10:30, Committee Room 2, City Hall");
            await Assertions.Expect(page.Locator($"#item-{id}")).ToContainTextAsync("Decision: are the criteria for a review met?");
            await tab.AssertAccessibleAsync();
            await page.Locator("#share-papers").ClickAsync();
            await Assertions.Expect(page.Locator("#meeting-summary")).ToContainTextAsync("are shared with the CRG members");
        }

        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.CrgMember);
            await page.GetByRole(AriaRole.Link, new() { Name = "CRG meetings" }).ClickAsync();
            await tab.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#meetings")).ToContainTextAsync("10:30, Committee Room 2, City Hall");
            await page.GetByRole(AriaRole.Link, new() { Name = "14 Dec 2026" }).ClickAsync();
            await Assertions.Expect(page.Locator("#meeting-when")).ToHaveTextAsync("14 Dec 2026 at 10:30, Committee Room 2, City Hall");
            var item = page.Locator($"#item-{id}");
            await Assertions.Expect(item).ToContainTextAsync("A summary.");
            await Assertions.Expect(item).ToContainTextAsync("Notification received");
            await Assertions.Expect(item.Locator("a")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#agenda-tools")).ToHaveCountAsync(0);
            await tab.AssertAccessibleAsync();

            await tab.GotoAsync($"reviews/{id}");
            await Assertions.Expect(page.Locator("#no-access")).ToBeVisibleAsync();
            await tab.AssertAccessibleAsync();
            Assert.Empty(tab.ConsoleErrors);
        }
    }

    [Fact]
    public async Task Officer_AttachesAPaperToACase_CrgMemberDownloadsItFromThePapers()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-5));
        var office = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var created = await _portal.Get<Workflows.Crg.CreateCrgMeetingHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer), office,
            Today.AddDays(9), "14:00", "Room 4, County Hall");
        var meeting = created.Value;
        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.LrOfficer);
            await tab.GotoAsync($"crg/meetings/{meeting}");
            var papers = page.Locator($"#papers-{id}");
            await Assertions.Expect(papers).ToContainTextAsync("No papers are attached for this case.");

            // Without a title or a file: each is asked for beside its field, nothing attached.
            await page.Locator($"#attach-{id}").ClickAsync();
            await Assertions.Expect(papers).ToContainTextAsync("Say what the paper is");
            await Assertions.Expect(papers).ToContainTextAsync("Choose the paper's file");
            await tab.AssertAccessibleAsync();

            await page.Locator($"#paper-title-{id}").FillAsync("Chronology");
            await page.Locator($"input.paper-{id}-input").SetInputFilesAsync(new FilePayload
            {
                Name = "chronology.pdf", MimeType = "application/pdf", Buffer = SampleDocuments.Pdf("Chronology for the CRG"),
            });
            await Assertions.Expect(papers).ToContainTextAsync("Chosen: chronology.pdf");
            await page.Locator($"#attach-{id}").ClickAsync();
            await Assertions.Expect(papers.Locator("a.document-link")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Chronology \(PDF, .+\)$"));
            await Assertions.Expect(page.Locator($"#paper-title-{id}")).ToHaveValueAsync(string.Empty);
            await tab.AssertAccessibleAsync();
            await page.Locator("#share-papers").ClickAsync();
            await Assertions.Expect(page.Locator("#meeting-summary")).ToContainTextAsync("are shared with the CRG members");
            Assert.Empty(tab.ConsoleErrors);
        }

        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.CrgMember);
            await tab.GotoAsync($"crg/meetings/{meeting}");
            var papers = page.Locator($"#papers-{id}");
            var link = papers.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chronology") });
            await Assertions.Expect(link).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#attach-{id}")).ToHaveCountAsync(0);
            await tab.AssertAccessibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Matches(@"^LR-\d{4}-\d{3}-crg-paper-v1\.pdf$", download.SuggestedFilename);
            Assert.Contains("Chronology for the CRG", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
            var member = await _portal.ActorAsync(DemoAccounts.CrgMember);
            Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == member.UserId && a.Action == AuditAction.Downloaded && a.ReviewId == id)));
            Assert.Empty(tab.ConsoleErrors);
        }
    }
}
