using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 18 in Chromium: an officer opens "Learning sources" from the menu (empty), is told beside each field what a
/// source needs (nothing saved), records a thematic review, lands on its action plan, adds a recommendation and an
/// action, and sees the action in the master action plan under the source's reference and title; the owner's contact
/// sees it in "Our actions" and opens it. axe on every page.
[Collection(BrowserCollection.Name)]
public sealed class LearningSourceEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync()
    {
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsAThematicReview_ItsRecommendationAndAction_SeesItInTheMasterPlan_TheOwnerSeesItInOurActions()
    {
        const string title = "Thematic review of older victims 2026";
        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        var page = officer.Page;
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning sources" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Learning sources", Level = 1 })).ToBeVisibleAsync();
        await officer.WaitForInteractiveAsync();
        await Expect(page.Locator("#learning-sources-none")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);

        // Nothing entered: a message beside each field, nothing saved.
        await page.Locator("#save-source").ClickAsync();
        var form = page.Locator("#learning-source-form");
        await Expect(form).ToContainTextAsync("Choose what kind of learning it is.");
        await Expect(form).ToContainTextAsync("Enter the title");
        await Expect(form).ToContainTextAsync("Enter the date it was agreed or published.");
        await Expect(page.Locator("#learning-sources-none")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);

        await officer.ChooseAsync("source-kind", "Thematic review");
        await page.Locator("#source-title").FillAsync(title);
        await page.Locator("#source-agreed").FillAsync("02/11/2026");
        await page.Locator("#source-agreed").PressAsync("Tab");
        await officer.ChooseAsync("source-csp", "Rutland CSP");
        await page.Locator("#save-source").ClickAsync();

        // Straight to the source's action plan: the same recommendation and action forms as a review's.
        var sourceId = await WaitForSourceAsync(title);
        await page.WaitForURLAsync(url => url.EndsWith($"/learning-sources/{sourceId}/action-plan", StringComparison.Ordinal));
        await officer.WaitForInteractiveAsync();
        await Expect(page.Locator("#source-kind-chip")).ToHaveTextAsync("Thematic review");
        await Expect(page.Locator("#no-recommendations")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        await page.Locator("#recommendation-text").FillAsync("Agencies to ask older victims about abuse by adult children.");
        await officer.ChooseAsync("recommendation-level", "Single agency");
        await officer.ChooseAsync("recommendation-agency", "Leicestershire Police");
        await page.Locator("#save-recommendation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation R1" })).ToBeVisibleAsync();
        await page.Locator("#add-action-1").ClickAsync();
        await page.Locator("#action-what").FillAsync("Add older victims to the risk assessment training.");
        await officer.ChooseAsync("action-agency", "Leicestershire Police");
        await Expect(page.Locator("#action-form")).ToContainTextAsync("Priya Police");
        await page.Locator("#action-due").FillAsync("31/03/2027");
        await page.Locator("#action-due").PressAsync("Tab");
        await page.Locator("#action-measure").FillAsync("Every trainer uses the new module.");
        await page.Locator("#save-action").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "R1.1" })).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        var actionId = await _portal.WithDbAsync(db => db.PlanActions.Where(a => a.LearningSourceId == sourceId).Select(a => a.Id).SingleAsync());

        // The master action plan: under the source's reference and title.
        await officer.GotoAsync("actions/plan");
        await officer.WaitForInteractiveAsync();
        var row = page.Locator("#action-plan-grid tbody tr").Filter(new() { Has = page.Locator($"[href='actions/{actionId}']") });
        await Expect(row).ToContainTextAsync($"LS-{sourceId}");
        await Expect(row).ToContainTextAsync(title);
        await Expect(row).ToContainTextAsync("Rutland CSP");
        await AssertCleanAsync(officer);

        // The list shows it with its counts.
        await officer.GotoAsync("learning-sources");
        await officer.WaitForInteractiveAsync();
        var listed = page.Locator("#learning-sources-list tbody tr").First;
        await Expect(listed).ToContainTextAsync($"LS-{sourceId}");
        await Expect(listed).ToContainTextAsync("2 Nov 2026");
        await AssertCleanAsync(officer);

        // The owner's contact: in "Our actions", and the action's page names the source, not a review.
        await using var contact = await PortalPage.OpenAsync(browser, _portal);
        await contact.SignInAsync(DemoAccounts.AgencyContact);
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "Our actions" }).ClickAsync();
        await contact.WaitForInteractiveAsync();
        var ours = contact.Page.Locator("#action-plan-grid tbody tr").Filter(new() { Has = contact.Page.Locator($"[href='actions/{actionId}']") });
        await Expect(ours).ToContainTextAsync(title);
        await AssertCleanAsync(contact);
        await ours.Locator($"[href='actions/{actionId}']").ClickAsync();
        await contact.Page.WaitForURLAsync(url => url.EndsWith($"/actions/{actionId}", StringComparison.Ordinal));
        await contact.WaitForInteractiveAsync();
        await Expect(contact.Page.Locator("#update-form")).ToBeVisibleAsync();
        await Expect(contact.Page.Locator("input.evidence-input")).ToHaveCountAsync(0);
        await AssertCleanAsync(contact);
    }

    private async Task<int> WaitForSourceAsync(string title)
    {
        for (var i = 0; i < 50; i++)
        {
            var id = await _portal.WithDbAsync(db => db.LearningSources.Where(s => s.Title == title).Select(s => (int?)s.Id).SingleOrDefaultAsync());
            if (id is int found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The learning source was not saved.");
    }
}
