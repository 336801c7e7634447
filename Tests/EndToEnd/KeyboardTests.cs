using System.Text.RegularExpressions;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The portal with the keyboard alone (issue 16, item 6 and its checks): a skip link first, a ring on whatever has the
/// focus, no ring on headings that take the focus after navigation, and a review registered (selects, dates, radio
/// buttons and tick boxes included) and its decision recorded with Tab, arrows, Enter, Space and typing only.
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_RegistersAReviewAndRecordsADecision_WithTheKeyboardAlone_SeeingWhereTheFocusIs()
    {
        var notified = London.DateOf(_portal.Time.GetUtcNow().UtcDateTime).AddDays(-5);
        var month = UkDate.Culture.DateTimeFormat.GetMonthName(notified.Month);
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;

        // Signing in: the email field, Tab to the password, Enter.
        await page.GotoAsync("Account/Login");
        var email = page.GetByLabel("Email address");
        await TabToAsync(page, email);
        await page.Keyboard.TypeAsync(DemoAccounts.LrOfficer);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(PortalFactory.DemoPasswordForTests);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await tab.WaitForInteractiveAsync();

        // The home page's heading has the focus on arrival. Back from it (Shift+Tab), past the menu and the header, the
        // skip link is the first thing on the page that takes the focus, shown with its ring; Enter moves the focus to
        // the page's content.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        var skip = page.Locator("#skip-link");
        await TabToAsync(page, skip, key: "Shift+Tab");
        Assert.Equal(0, await skip.EvaluateAsync<int>(
            "s => [...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), textarea, [tabindex]:not([tabindex=\"-1\"])')].indexOf(s)"));
        await Expect(skip).ToBeInViewportAsync();
        await ExpectRingAsync(skip);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // "Register a notification" from the menu (back from the content with Shift+Tab); its heading takes the focus.
        var menuEntry = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Register a notification" });
        await TabToAsync(page, menuEntry, key: "Shift+Tab");
        await ExpectRingAsync(menuEntry);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeFocusedAsync();

        // The type: arrows move between the radio buttons. The joint review: Space ticks it.
        var dhr = page.GetByRole(AriaRole.Radio, new() { Name = "DHR" });
        var dardr = page.GetByRole(AriaRole.Radio, new() { Name = "DARDR" });
        await TabToAsync(page, dardr);
        await ExpectRingAsync(dardr);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(dhr).ToBeCheckedAsync();
        await Expect(dhr).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(dardr).ToBeCheckedAsync();
        var joint = page.GetByRole(AriaRole.Checkbox, new() { Name = "Joint with a Safeguarding Adult Review" });
        await TabToAsync(page, joint);
        await page.Keyboard.PressAsync("Space");
        await Expect(joint).ToBeCheckedAsync();

        // The selects: opened with Enter, an option reached with the arrows and taken with Enter (in a list of several,
        // Enter ticks one and Escape closes the list); the focus stays on the select throughout.
        await ChooseWithKeysAsync(page, "lead-csp", "Rutland CSP");
        await ChooseWithKeysAsync(page, "other-csps", "Leicester City CSP", multiple: true);
        await ChooseWithKeysAsync(page, "notifying-agency", "Leicestershire Police");

        // A date typed as people write it; the month of death chosen, the year typed.
        await TabToAsync(page, page.Locator("#date-notified"));
        await page.Keyboard.TypeAsync(notified.ToString("dd/MM/yyyy", UkDate.Culture));
        await ChooseWithKeysAsync(page, "death-month", month);
        await TabToAsync(page, page.Locator("#death-year"));
        await page.Keyboard.TypeAsync(notified.Year.ToString(UkDate.Culture));
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#number-deceased")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var caseLabel = page.Locator("#case-label");
        await Expect(caseLabel).ToBeFocusedAsync();
        var label = await caseLabel.InputValueAsync();
        Assert.Matches($@"^Case [A-Z]+ {notified.Year}$", label);
        await TabToAsync(page, page.Locator("#summary"));
        await page.Keyboard.TypeAsync("Death of a woman at home; partner arrested.");
        await TabToAsync(page, page.Locator("#deceased-names"));
        await page.Keyboard.TypeAsync("Jane Keyboard");
        var save = page.Locator("#save-notification");
        await TabToAsync(page, save);
        await ExpectRingAsync(save);
        await tab.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");

        // The new review: its heading has the focus, and the page says it is registered.
        var reviewHeading = page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 });
        await Expect(reviewHeading).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#review-registered[role=status]")).ToContainTextAsync("Notification registered");
        await Expect(page.Locator("#restricted-details")).ToContainTextAsync("Jane Keyboard");
        await Expect(page.Locator("#review-details")).ToContainTextAsync(UkDate.Format(notified));
        await tab.AssertAccessibleAsync();

        // Back to the content past the skip link: Enter on it.
        await TabToAsync(page, skip, key: "Shift+Tab");
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

    [Fact]
    public async Task OnAPhone_TheMenuOpensWithEnter_AndEscapeClosesIt_GivingTheFocusBackToItsButton()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        var open = page.Locator(".mud-drawer--open");
        await Expect(open).ToHaveCountAsync(0);

        await TabToAsync(page, button);
        await ExpectRingAsync(button);
        await page.Keyboard.PressAsync("Enter");
        await Expect(open).ToHaveCountAsync(1);
        var entry = open.GetByRole(AriaRole.Link, new() { Name = "Register a notification" });
        await TabToAsync(page, entry);
        await ExpectRingAsync(entry);
        await tab.AssertAccessibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(open).ToHaveCountAsync(0);
        await Expect(button).ToBeFocusedAsync();

        // Open again, Enter on an entry leads to its page.
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, entry);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeFocusedAsync();
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

    /// Chooses an option of a MudSelect with keys alone: Tab to it, Enter opens the list (the focus stays on the select,
    /// which points at the highlighted option), the arrows move the highlight, Enter takes it (in a list of several Enter ticks
    /// it, the list stays open, and Escape closes it). The select then shows the choice, closed, with the focus still on it.
    private static async Task ChooseWithKeysAsync(IPage page, string selectId, string option, bool multiple = false)
    {
        var select = page.Locator($"div.mud-select:has(#{selectId})").Last;
        var box = select.Locator("[role=combobox]");
        await TabToAsync(page, box);
        await ExpectRingAsync(box);
        await page.Keyboard.PressAsync("Enter");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToBeFocusedAsync();
        var wanted = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await Expect(wanted).ToBeVisibleAsync();
        // Just opened, the list highlights an option a moment later: the first of a list of several, or the one chosen
        // before; none in a single choice still empty. A person looks before pressing again: wait for each highlight to
        // show (a press sent before the last one has shown would move past the option).
        var hadChoice = await box.EvaluateAsync<bool>("b => (b.tagName === 'INPUT' ? b.value : b.textContent).trim() !== ''");
        if (multiple || hadChoice)
        {
            await Expect(box).ToHaveAttributeAsync("aria-activedescendant", new Regex(".+"));
        }

        var highlighted = await box.GetAttributeAsync("aria-activedescendant");
        for (var presses = 0; highlighted != await wanted.GetAttributeAsync("id"); presses++)
        {
            Assert.True(presses < 40, $"ArrowDown did not reach \"{option}\" in {selectId}: {await box.EvaluateAsync<string>("e => e.outerHTML")}");
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(box).ToHaveAttributeAsync("aria-activedescendant", highlighted is null ? new Regex(".+") : new Regex($"^(?!{highlighted}$)"));
            highlighted = await box.GetAttributeAsync("aria-activedescendant");
        }

        if (multiple)
        {
            await page.Keyboard.PressAsync("Enter");
            await Expect(wanted).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
            await page.Keyboard.PressAsync("Escape");
        }
        else
        {
            await page.Keyboard.PressAsync("Enter");
        }

        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToBeFocusedAsync();
        // (A select shows its choice as the value of an input, or as the text of a div.)
        await box.EvaluateAsync(
            "(b, option) => new Promise(done => { const check = () => (b.tagName === 'INPUT' ? b.value : b.textContent).includes(option) ? done() : setTimeout(check, 50); check(); })",
            option);
    }

    /// The focused element shows a solid ring at least 2px wide (WCAG 2.2 focus visible), not only a change of tint.
    private static async Task ExpectRingAsync(ILocator focused)
    {
        var ring = await focused.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.True(ring.StartsWith("solid ", StringComparison.Ordinal) && double.Parse(ring[6..^2], System.Globalization.CultureInfo.InvariantCulture) >= 2, $"The focus ring is '{ring}'.");
    }
}
