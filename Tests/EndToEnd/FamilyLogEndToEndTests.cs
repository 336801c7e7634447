using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The family engagement log in Chromium: the appointed author records a contact (after being told what is missing)
/// and the family's withdrawal of consent to the pseudonym; publication is then shown as blocked, also on the review
/// page the officer sees. axe on every page visited.
[Collection(BrowserCollection.Name)]
public sealed class FamilyLogEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static async Task FillDateAsync(IPage page, string id, string date)
    {
        await page.Locator($"#{id}").FillAsync(date);
        await page.Locator($"#{id}").PressAsync("Tab");
    }

    [Fact]
    public async Task Author_RecordsAContactAndWithdrawnConsent_PublicationShowsAsBlocked()
    {
        var id = await _portal.ReviewAtPanelAndReportAsync();

        await using (var author = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = author.Page;
            await author.SignInAsync(DemoAccounts.Author);
            await author.GotoAsync($"reviews/{id}");
            await page.Locator("#family-link").ClickAsync();
            await Assertions.Expect(page.Locator("#no-contacts")).ToHaveTextAsync("No contacts recorded yet.");
            await author.WaitForInteractiveAsync();
            await AssertCleanAsync(author);

            // Nothing filled in: each field says what it needs, and nothing is recorded.
            await page.Locator("#add-contact").ClickAsync();
            await Assertions.Expect(page.Locator("#new-contact")).ToContainTextAsync("Enter the date of the contact.");
            await Assertions.Expect(page.Locator("#new-contact")).ToContainTextAsync("Choose how the contact was made.");
            await AssertCleanAsync(author);

            await FillDateAsync(page, "contact-on", "20/11/2026");
            await page.Locator("#contact-who").FillAsync("Sister of the deceased");
            await author.ChooseAsync("contact-how", "Phone");
            await page.Locator("#contact-summary").FillAsync("Explained the review and offered advocacy through AAFDA.");
            await page.Locator("#add-contact").ClickAsync();
            await Assertions.Expect(page.Locator("#contacts")).ToContainTextAsync("Sister of the deceased");
            await Assertions.Expect(page.Locator("#contacts")).ToContainTextAsync("20 Nov 2026");

            await author.ChooseAsync("advocacy-offered", "Yes");
            await page.Locator("#advocacy-by").FillAsync("AAFDA");
            await page.Locator("#pseudonym").FillAsync("Diana");
            await author.ChooseAsync("consent", "Withdrawn");
            await FillDateAsync(page, "consent-on", "23/11/2026");
            await page.Locator("#save-agreements").ClickAsync();
            await Assertions.Expect(page.Locator("#publication-blocked")).ToContainTextAsync("publication is blocked");
            await Assertions.Expect(page.Locator("#pseudonym")).ToHaveValueAsync("Diana");
            await AssertCleanAsync(author);
        }

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"reviews/{id}");
        await Assertions.Expect(officer.Page.Locator("#drafts-section #publication-blocked")).ToContainTextAsync("withdrawn consent to the report pseudonym");
        await Assertions.Expect(officer.Page.Locator("#drafts-section")).ToContainTextAsync("No drafts shared yet.");
        await AssertCleanAsync(officer);
    }
}
