using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Drafts;

namespace Portal.EndToEnd.Tests;

/// Drafts as people use them in Chromium: the appointed author shares draft 2, a panel member (the demo police contact)
/// comments, and the officer reads the comment and closes the round. axe on every page visited.
[Collection(BrowserCollection.Name)]
public sealed class DraftsEndToEndTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Author_SharesDraft2_PanelMemberComments_OfficerSeesItAndClosesTheRound()
    {
        var id = await _portal.ReviewAtPanelAndReportAsync();
        await _portal.AddPanelMemberRowAsync(id, DemoAccounts.AgencyContact);
        var first = await _portal.Get<UploadDraftHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.Author),
            new UploadDraft(id, new DateOnly(2026, 11, 30), DraftTestFiles.Pdf(), "draft-1.pdf"));
        Assert.True(first.IsSuccess, first.Error?.Message);
        var label = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.CaseLabel).SingleAsync());
        var file = DraftTestFiles.Save(DraftTestFiles.Docx(), "Overview report draft 2.docx");

        // The author finds the review under "Drafts" and shares draft 2 with the default deadline (two weeks).
        await using (var author = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = author.Page;
            await author.SignInAsync(DemoAccounts.Author);
            await page.GetByRole(AriaRole.Link, new() { Name = "Drafts", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Drafts", Level = 1 })).ToBeVisibleAsync();
            await AssertCleanAsync(author);
            await page.GetByRole(AriaRole.Link, new() { Name = label, Exact = false }).ClickAsync();
            await Assertions.Expect(page.Locator("#upload-draft")).ToContainTextAsync("Share draft 2 with the panel");
            await Assertions.Expect(page.Locator("#comments-due")).ToHaveValueAsync("07/12/2026");
            await author.WaitForInteractiveAsync();
            await AssertCleanAsync(author);

            await page.Locator("input.draft-file-input").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("#upload-draft .document-chosen")).ToContainTextAsync("Overview report draft 2.docx");
            await page.Locator("#share-draft").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Draft 2 shared: 1 panel member asked to comment by 7 Dec 2026.");
            await Assertions.Expect(page.Locator("#draft-2 .draft-status")).ToHaveTextAsync("Open for comments until 23:59 on 7 Dec 2026");
            await Assertions.Expect(page.Locator("#draft-2 a.document-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"documents/versions/\d+$"));
            await AssertCleanAsync(author);
        }

        // The panel member opens "Drafts", reads draft 2 and comments on a paragraph.
        await using (var member = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = member.Page;
            await member.SignInAsync(DemoAccounts.AgencyContact);
            await member.GotoAsync("drafts");
            await Assertions.Expect(page.Locator("#my-drafts")).ToContainTextAsync("awaiting your comments");
            await AssertCleanAsync(member);
            await page.GetByRole(AriaRole.Link, new() { Name = label, Exact = false }).ClickAsync();
            await Assertions.Expect(page.Locator("#draft-2")).ToContainTextAsync("You have not commented on this draft.");
            await member.WaitForInteractiveAsync();
            await AssertCleanAsync(member);

            await page.Locator("#draft-2 .comment-reference input").FillAsync("4.1");
            await page.Locator("#draft-2 .comment-text textarea").First.FillAsync("Paragraph 4.1 should say the police attended twice in 2024.");
            await page.Locator("#draft-2 .add-comment").ClickAsync();
            await Assertions.Expect(page.Locator("#draft-2 .comments")).ToContainTextAsync("Paragraph 4.1 should say the police attended twice in 2024.");
            await Assertions.Expect(page.Locator("#draft-2 .comments")).ToContainTextAsync("4.1");
            await AssertCleanAsync(member);
        }

        // The officer sees the comment from the review page and closes the round after confirming.
        await using (var officer = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = officer.Page;
            await officer.SignInAsync(DemoAccounts.LrOfficer);
            await officer.GotoAsync($"reviews/{id}");
            await Assertions.Expect(page.Locator("#drafts-section")).ToContainTextAsync("2 drafts; 2 comment round(s) open.");
            await AssertCleanAsync(officer);
            await page.Locator("#drafts-link").ClickAsync();
            await Assertions.Expect(page.Locator("#draft-2 .comments")).ToContainTextAsync("Paragraph 4.1 should say the police attended twice in 2024.");
            await officer.WaitForInteractiveAsync();
            await AssertCleanAsync(officer);

            await page.Locator("#draft-2 .close-round").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Panel members will no longer be able to comment on draft 2");
            await officer.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
            await Assertions.Expect(page.Locator("#draft-2 .draft-status")).ToHaveTextAsync("Round closed");
            await Assertions.Expect(page.Locator("#draft-1 .draft-status")).ToContainTextAsync("Open for comments");
            await Assertions.Expect(page.Locator("#draft-2 .close-round")).ToHaveCountAsync(0);
            await AssertCleanAsync(officer);
        }
    }

    [Fact]
    public async Task Author_SharingADraftWithNobodyOnThePanel_IsRefusedWithAMessage_AndNothingIsShared()
    {
        var id = await _portal.ReviewAtPanelAndReportAsync();
        var file = DraftTestFiles.Save(DraftTestFiles.Docx(), "Overview report draft 1.docx");
        await using var author = await PortalPage.OpenAsync(browser, _portal);
        var page = author.Page;
        await author.SignInAsync(DemoAccounts.Author);
        await author.GotoAsync($"reviews/{id}/drafts");
        await Assertions.Expect(page.Locator("#upload-draft")).ToContainTextAsync("Share draft 1 with the panel");
        await author.WaitForInteractiveAsync();

        await page.Locator("input.draft-file-input").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator("#upload-draft .document-chosen")).ToContainTextAsync("Overview report draft 1.docx");
        await page.Locator("#share-draft").ClickAsync();

        await Assertions.Expect(page.Locator("#upload-draft")).ToContainTextAsync(UploadDraftHandler.NoPanel);
        await Assertions.Expect(page.Locator("#upload-draft")).ToContainTextAsync("Share draft 1 with the panel");
        await Assertions.Expect(page.Locator("#draft-1")).ToHaveCountAsync(0);
        await AssertCleanAsync(author);
        Assert.False(await _portal.WithDbAsync(db => db.Drafts.AnyAsync(d => d.ReviewId == id)));
    }
}
