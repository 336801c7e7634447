using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 18, item 2: an officer records the findings and conduct of a review in its restricted section on the review page:
/// an answer without the author's words is told beside the field and saves nothing; the findings saved are shown; a version of
/// the terms of reference with the family's input (what they asked for, asked beside the field when missing) and an interview
/// are recorded and listed. axe on the page.
[Collection(BrowserCollection.Name)]
public sealed class ConductEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_RecordsFindings_TermsOfReferenceWithTheFamilysInput_AndAnInterview_AndSeesThemOnTheReviewPage()
    {
        var id = await _portal.ReviewAtPanelAndReportAsync();
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        var section = page.Locator("#review-conduct");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Findings and conduct of the review" })).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("#findings-none")).ToHaveTextAsync("No findings recorded yet.");
        await Assertions.Expect(page.Locator("#index-review-conduct")).ToHaveTextAsync("Findings and conduct");
        await tab.AssertAccessibleAsync();

        // An answer without the author's words, and no report date: told beside the fields, nothing saved.
        await tab.ChooseAsync("findings-predictable", "No");
        await page.Locator("#save-findings").ClickAsync();
        await Assertions.Expect(page.Locator("div.mud-input-control:has(#findings-predictable-words)"))
            .ToContainTextAsync("Quote the author's words that say whether the death was predictable.");
        await Assertions.Expect(page.Locator("div.mud-input-control:has(#findings-report-date)"))
            .ToContainTextAsync("Enter the date of the report or draft these findings come from.");
        Assert.False(await _portal.WithDbAsync(db => db.ReviewFindings.AnyAsync(f => f.ReviewId == id)));
        await tab.AssertAccessibleAsync();

        await page.Locator("#findings-predictable-words").FillAsync("Her death could not have been predicted.");
        await tab.ChooseAsync("findings-preventable", "Partly");
        await page.Locator("#findings-preventable-words").FillAsync("Some opportunities to intervene were missed.");
        await page.Locator("#findings-report-date").FillAsync("20/11/2026");
        await page.Locator("#findings-report-date").PressAsync("Tab");
        await page.Locator("#save-findings").ClickAsync();

        var shown = section.Locator("#findings");
        await Assertions.Expect(shown).ToContainTextAsync("No: \u201cHer death could not have been predicted.\u201d");
        await Assertions.Expect(shown).ToContainTextAsync("Partly: \u201cSome opportunities to intervene were missed.\u201d");
        await Assertions.Expect(shown).ToContainTextAsync("20 Nov 2026");
        await tab.AssertAccessibleAsync();

        // Terms of reference with the family's input.
        await Assertions.Expect(section.Locator("#terms-none")).ToHaveTextAsync("No terms of reference recorded yet.");
        await page.Locator("#terms-text").FillAsync("Scope: from 2019 to her death. Agencies: police, GP, housing.");
        await page.Locator("#terms-agreed").FillAsync("10/11/2026");
        await page.Locator("#terms-agreed").PressAsync("Tab");
        await tab.ChooseAsync("terms-invited", "Yes");
        await tab.ChooseAsync("terms-contributed", "Yes");
        await page.Locator("#save-terms").ClickAsync();
        await Assertions.Expect(page.Locator("div.mud-input-control:has(#terms-family-asked)")).ToContainTextAsync("Say what the family asked the review to cover.");
        await page.Locator("#terms-family-asked").FillAsync("Why the GP did not act on her disclosures.");
        await page.Locator("#save-terms").ClickAsync();
        var version = section.Locator("#terms-1");
        await Assertions.Expect(version).ToContainTextAsync("Version 1, agreed 10 Nov 2026");
        await Assertions.Expect(version.Locator("#terms-current")).ToHaveTextAsync("Current");
        await Assertions.Expect(version).ToContainTextAsync("invited and contributed; asked the review to cover: Why the GP did not act on her disclosures.");
        await Assertions.Expect(section.Locator("#terms-change-reason")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        // An interview, by role and never by name.
        await Assertions.Expect(section.Locator("#interviews-none")).ToHaveTextAsync("No interviews recorded yet.");
        await page.Locator("#interview-who").FillAsync("The victim's sister");
        await tab.ChooseAsync("interview-group", "Family");
        await page.Locator("#interview-date").FillAsync("18/11/2026");
        await page.Locator("#interview-date").PressAsync("Tab");
        await tab.ChooseAsync("interview-kind", "In person");
        await tab.ChooseAsync("interview-consent", "Given");
        await tab.ChooseAsync("interview-by", "Chair and author");
        await page.Locator("#save-interview").ClickAsync();
        var rows = section.Locator("#interview-log tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("td")).ToHaveTextAsync(
            ["18 Nov 2026", "The victim's sister", "Family", "In person", "Given", "Chair and author", "23 Nov 2026 10:00, Olivia Officer"]);
        await tab.AssertAccessibleAsync();

        // Reloaded, the page shows what was saved.
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync("Her death could not have been predicted.");
        await Assertions.Expect(page.Locator("#findings-preventable-words")).ToHaveValueAsync("Some opportunities to intervene were missed.");
        await Assertions.Expect(page.Locator("#terms-1")).ToContainTextAsync("Scope: from 2019 to her death.");
        await Assertions.Expect(page.Locator("#interview-log tbody tr")).ToHaveCountAsync(1);
        Assert.Empty(tab.ConsoleErrors);
    }
}
