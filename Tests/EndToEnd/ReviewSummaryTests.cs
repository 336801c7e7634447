using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Process;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The top of the review page (issue 16): the stage, the next action and the next deadline in words, a section index
/// (that stays below the header as a phone's page scrolls), actions as buttons and the rest folded into "Not available now";
/// at 1366 px and on a 390 px phone, where the page never scrolls sideways.
[Collection(BrowserCollection.Name)]
public sealed class ReviewSummaryTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Officer_ReadsTheSummary_AndJumpsToASection_WithoutSidewaysScrolling(int width, int height)
    {
        // Notified long enough ago for the CRG decision to be overdue: the summary says so, as the queues would.
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-60));
        var due = await _portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id && c.Kind == ClockKind.Decision).Select(c => c.DueDate).SingleAsync());
        Assert.True(DueText.IsOverdue(due, Today));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(width, height);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");

        await Expect(page.Locator("#summary-stage")).ToHaveTextAsync("Notification received");
        await Expect(page.Locator("#summary-next")).ToHaveTextAsync("Present to the CRG");
        await Expect(page.Locator("#summary-deadline")).ToHaveTextAsync($"{ReviewClock.Describe(ClockKind.Decision)}: {UkDate.Format(due)} ({DueText.Describe(due, Today)})");
        await Expect(page.Locator("#summary-deadline")).ToContainTextAsync("days overdue");

        // Every action is open at this stage: buttons only, no list of unavailable ones.
        await Expect(page.Locator($"#open-{Trigger.PresentToCrg}")).ToBeEnabledAsync();
        await Expect(page.Locator("#not-available")).ToHaveCountAsync(0);

        // Once the decision is made (elsewhere), the next step is to tell the Home Office; its acknowledgement cannot
        // be recorded yet: no greyed button, one line in the folded "Not available now" list, with its reason.
        await _portal.FireOkAsync(id, Trigger.PresentToCrg);
        await _portal.FireOkAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        await tab.GotoAsync($"reviews/{id}");
        await Expect(page.Locator("#summary-next")).ToHaveTextAsync(TriggerNames.Describe(Trigger.RecordHomeOfficeNotified));
        await Expect(page.Locator("#process-actions button[disabled]")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#open-{Trigger.RecordHomeOfficeAcknowledged}")).ToHaveCountAsync(0);
        await Expect(page.Locator("#not-available summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Not available now \(\d+\)$"));
        var acknowledge = page.Locator($"#action-{Trigger.RecordHomeOfficeAcknowledged}");
        await Expect(acknowledge).Not.ToBeVisibleAsync();
        await page.Locator("#not-available summary").ClickAsync();
        await Expect(acknowledge).ToHaveTextAsync("Record the Home Office's acknowledgement: Record that the Home Office was notified of the decision first.");
        Assert.All(await page.Locator("#not-available li").AllInnerTextsAsync(), line => Assert.Matches(@"^.+: .+\.$", line));

        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync($"review-summary-{width}");

        // The index takes the reader to the journal, clear of the header (and on a phone of the index itself, which
        // stays in reach there; on wider screens it scrolls with the page).
        var phone = width < 600;
        var index = page.Locator("#section-index");
        await index.Locator("#index-review-journal").ClickAsync();
        var journal = page.Locator("#review-journal");
        await Expect(journal).ToBeInViewportAsync();
        await page.WaitForFunctionAsync("""
            phone => {
                const bar = document.querySelector('.mud-appbar').getBoundingClientRect();
                const i = document.getElementById('section-index').getBoundingClientRect();
                const j = document.getElementById('review-journal').getBoundingClientRect();
                const clear = phone ? i.top >= 0 && i.bottom <= j.top + 1 : bar.bottom <= j.top + 1;
                return clear && j.top < window.innerHeight / 2;
            }
            """, phone);
        if (phone)
            await Expect(index).ToBeInViewportAsync();
        else
            await Expect(index).Not.ToBeInViewportAsync();
        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync($"review-summary-{width}-journal");

        // The next action's link leads to its button.
        await page.Locator("#index-review-summary").ClickAsync();
        await page.Locator("#summary-next a").ClickAsync();
        await Expect(page.Locator($"#open-{Trigger.RecordHomeOfficeNotified}")).ToBeInViewportAsync();
    }
}
