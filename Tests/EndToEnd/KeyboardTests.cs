using Domain.Calendar;
using Domain.Workflow;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The portal with the keyboard alone (issue 16, item 6): a skip link first, a ring on whatever has the focus, no ring
/// on headings that take the focus after navigation, and a decision recorded with Tab, Enter and typing only.
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_SkipsToTheContent_AndRecordsADecision_WithTheKeyboardAlone_SeeingWhereTheFocusIs()
    {
        var id = await _portal.RegisterReviewAsync(London.DateOf(_portal.Time.GetUtcNow().UtcDateTime).AddDays(-5));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");

        // The page's heading has the focus on arrival. Back from it (Shift+Tab), past the menu and the header, the skip
        // link is the first thing on the page that takes the focus, shown with its ring; Enter moves the focus to the
        // page's content.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        var skip = page.Locator("#skip-link");
        await TabToAsync(page, skip, key: "Shift+Tab");
        Assert.Equal(0, await skip.EvaluateAsync<int>(
            "s => [...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), textarea, [tabindex]:not([tabindex=\"-1\"])')].indexOf(s)"));
        await Expect(skip).ToBeInViewportAsync();
        await ExpectRingAsync(skip);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // Tab from the content reaches the first action (in the process panel); Enter opens its form, whose title takes
        // the focus without a ring (it is not a control).
        var present = page.Locator($"#open-{Trigger.PresentToCrg}");
        await TabToAsync(page, present);
        await ExpectRingAsync(present);
        await page.Keyboard.PressAsync("Enter");
        var title = page.Locator("#action-form-title");
        await Expect(title).ToBeFocusedAsync();
        Assert.Equal("none", await title.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await TabToAsync(page, page.Locator("#action-submit"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");

        // The decision: its form, its rationale typed, recorded with Enter on the button.
        var criteriaMet = page.Locator($"#open-{Trigger.RecordCriteriaMet}");
        await TabToAsync(page, criteriaMet);
        await page.Keyboard.PressAsync("Enter");
        await Expect(title).ToBeFocusedAsync();
        var rationale = page.Locator("#action-comment");
        await TabToAsync(page, rationale);
        await ExpectRingAsync(rationale);
        await page.Keyboard.TypeAsync("Criteria met: former partner, history of coercive control.");
        var submit = page.Locator("#action-submit");
        await TabToAsync(page, submit);
        await ExpectRingAsync(submit);
        await tab.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#action-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#review-journal")).ToContainTextAsync("Criteria met: former partner, history of coercive control.");
        await tab.AssertAccessibleAsync();

        // The menu's links are reached with Tab and ringed, unlike the current page's tint; the page Enter leads to
        // gives its heading the focus, without the browser's black box.
        var register = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Review register" });
        await TabToAsync(page, register);
        await ExpectRingAsync(register);
        await page.Keyboard.PressAsync("Enter");
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Review register", Level = 1 });
        await Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none", await heading.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        Assert.Empty(tab.ConsoleErrors);
    }

    /// Presses Tab until the element has the focus, as a person does; fails if it is not reached (not in the tab order).
    private static async Task TabToAsync(IPage page, ILocator target, int most = 80, string key = "Tab")
    {
        for (var presses = 0; presses < most; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{key} did not reach {target} in {most} presses; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)")}");
    }

    /// The focused element shows a solid ring at least 2px wide (WCAG 2.2 focus visible), not only a change of tint.
    private static async Task ExpectRingAsync(ILocator focused)
    {
        var ring = await focused.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.True(ring.StartsWith("solid ", StringComparison.Ordinal) && double.Parse(ring[6..^2], System.Globalization.CultureInfo.InvariantCulture) >= 2, $"The focus ring is '{ring}'.");
    }
}
