using Domain.Calendar;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The review page's "Legal challenges": an officer records a judicial review, is refused dates out of order (beside
/// the field, nothing saved), records its outcome, and sees "under challenge" appear and clear; axe on each step.
[Collection(BrowserCollection.Name)]
public sealed class LegalChallengeEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task FillDateAsync(IPage page, string id, string date)
    {
        await page.Locator($"#{id}").FillAsync(date);
        await page.Locator($"#{id}").PressAsync("Tab");
    }

    [Fact]
    public async Task Officer_RecordsAJudicialReviewToItsOutcome_AndUnderChallengeAppearsAndClears()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-60));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        var section = page.Locator("#legal-challenges");
        await Assertions.Expect(section.Locator("#challenges-empty")).ToHaveTextAsync("No legal challenge has been recorded for this review.");
        await Assertions.Expect(page.Locator("#under-challenge")).ToHaveCountAsync(0);

        // Nothing chosen: told beside each field, nothing saved.
        await page.Locator("#challenge-save").ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("Choose the kind of challenge: a judicial review, a complaint or an appeal.");
        await Assertions.Expect(section).ToContainTextAsync("Give the date the challenge was lodged.");
        await tab.AssertAccessibleAsync();

        await tab.ChooseAsync("challenge-kind", "Judicial review");
        await FillDateAsync(page, "challenge-lodged", UkDate.Format(Today.AddDays(-20)));
        await page.Locator("#challenge-note").FillAsync("The family challenges the CRG's decision.");
        await page.Locator("#challenge-save").ClickAsync();
        await Assertions.Expect(page.Locator("#under-challenge")).ToHaveTextAsync("Under challenge");
        await Assertions.Expect(page.Locator("#process-under-challenge")).ToHaveTextAsync("Under challenge");
        await Assertions.Expect(section.Locator("#challenges-table")).ToContainTextAsync("Judicial review: The family challenges the CRG's decision.");
        await tab.AssertAccessibleAsync();

        // The hearing before the lodging: refused beside the field, and the table keeps what was saved.
        await section.Locator("button[id^=edit-challenge-]").ClickAsync();
        await FillDateAsync(page, "challenge-hearing", UkDate.Format(Today.AddDays(-21)));
        await page.Locator("#challenge-save").ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync($"The date cannot be before the challenge was lodged ({UkDate.Format(Today.AddDays(-20))}): check it.");
        await Assertions.Expect(section.Locator("#challenges-table")).ToContainTextAsync("Not yet");

        await FillDateAsync(page, "challenge-hearing", UkDate.Format(Today.AddDays(-10)));
        await FillDateAsync(page, "challenge-outcome-date", UkDate.Format(Today.AddDays(-3)));
        await tab.ChooseAsync("challenge-outcome", "Dismissed: the decision stands");
        await page.Locator("#challenge-save").ClickAsync();
        await Assertions.Expect(section.Locator("#challenges-table")).ToContainTextAsync($"Dismissed: the decision stands, {UkDate.Format(Today.AddDays(-3))}");
        await Assertions.Expect(page.Locator("#under-challenge")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#process-under-challenge")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("the review is no longer under challenge");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
