using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// A browser tab on a running portal, with the steps a person takes: sign in, wait for the page to be live, check it.
public sealed class PortalPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    private PortalPage(IBrowserContext context, IPage page, string baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _consoleErrors.Add(m.Text);
            }
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// Console errors so far, e.g. Content-Security-Policy violations.
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<PortalPage> OpenAsync(BrowserFixture browser, PortalFactory portal)
    {
        var baseUrl = portal.ServerAddress;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(15_000);
        return new PortalPage(context, await context.NewPageAsync(), baseUrl);
    }

    /// A tab on a portal running elsewhere (behind a proxy with a self-signed certificate: its errors are ignored).
    public static async Task<PortalPage> OpenAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, Locale = "en-GB", TimezoneId = "Europe/London", IgnoreHTTPSErrors = true,
        });
        context.SetDefaultTimeout(15_000);
        return new PortalPage(context, await context.NewPageAsync(), baseUrl);
    }

    public async Task GotoAsync(string path, bool interactive = true)
    {
        await Page.GotoAsync(path.TrimStart('/'));
        if (interactive)
        {
            await WaitForInteractiveAsync();
        }
    }

    /// Clicks on prerendered HTML are lost: wait until the interactive circuit has taken over the page.
    public async Task WaitForInteractiveAsync()
    {
        try
        {
            await Page.Locator("main[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("not-interactive");
            throw;
        }
    }

    /// Saves a full-page screenshot under the test output's screenshots folder (kept as a CI artefact) and returns its path.
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:HHmmssfff}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// Signs in through the static sign-in page, as a person does.
    public async Task SignInAsync(string email, string password = PortalFactory.DemoPasswordForTests, bool expectSuccess = true)
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (expectSuccess)
        {
            await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
            await WaitForInteractiveAsync();
        }
    }

    /// Signs in with a password and then a code from the authenticator app whose key is given (two-factor on).
    public async Task SignInWithAuthenticatorAsync(string email, string password, string authenticatorKey)
    {
        await SignInAsync(email, password, expectSuccess: false);
        await Page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        await Page.GetByLabel("Authenticator code").FillAsync(Totp.Next(authenticatorKey));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
        await WaitForInteractiveAsync();
    }

    /// Opens a review's page and checks that it shows the restricted real name: what only people allowed to see it see.
    public async Task ExpectRestrictedNameAsync(int reviewId, string name)
    {
        await GotoAsync($"reviews/{reviewId}");
        await Assertions.Expect(Page.Locator("#restricted-details")).ToContainTextAsync(name);
    }

    /// Chooses an option of a MudSelect by the select's id. MudSelect puts the id on a hidden input: click the visible select around it.
    /// A single choice closes the list by itself. A list of several choices (multiple) is closed with Escape once the option shows
    /// as chosen, and the select then takes the focus back a moment later: wait for that, or the next field typed in loses its
    /// text to the select.
    public async Task ChooseAsync(string selectId, string option, bool multiple = false)
    {
        var select = Page.Locator($"div.mud-select:has(#{selectId})").Last;
        await select.ClickAsync();
        var choice = Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        if (multiple)
        {
            // Escape before the server has taken the click can be lost with it on a busy machine: the list stayed open
            // with nothing chosen. Wait for the option to show as chosen, then for the list to close.
            await Assertions.Expect(choice).ToHaveAttributeAsync("aria-selected", "true");
            await Page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(select.Locator("[role=combobox]")).ToHaveAttributeAsync("aria-expanded", "false");
            await Assertions.Expect(select.Locator(":focus")).ToHaveCountAsync(1);
        }

        // The choice is made on the server, and the form may change with it (fields shown or hidden): wait until the
        // select shows it, closed, so that the next field typed in is one the changed form keeps.
        // (A select shows its choice as the value of an input, or as the text of a div where the choice is markup.)
        try
        {
            await Page.WaitForFunctionAsync(
                """
                ([id, option]) => {
                    const select = [...document.querySelectorAll('div.mud-select')].filter(s => s.querySelector('#' + id)).pop();
                    const box = select?.querySelector('[role=combobox]');
                    return box && box.getAttribute('aria-expanded') === 'false' && (box.tagName === 'INPUT' ? box.value : box.textContent).trim() === option;
                }
                """, new[] { selectId, option });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The select {selectId} did not show \"{option}\", closed. It is: {await select.EvaluateAsync<string>("e => e.outerHTML")}", e);
        }
    }

    /// axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations allowed.
    public async Task AssertAccessibleAsync()
    {
        // Fading elements (snackbars, menus) have low contrast mid-transition: check the settled page.
        await Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {Page.Url}:\n" + string.Join("\n", violations));
    }

    /// The page never scrolls sideways (a table may scroll inside its own box); when it does, names the widest elements
    /// that no scrolling box clips.
    public async Task ExpectNoSidewaysScrollAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways: " + await Page.EvaluateAsync<string>("""
                () => {
                    const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
                    const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(e));
                    return document.documentElement.scrollWidth + ' > ' + window.innerWidth + ': '
                        + wide.slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' right ' + e.getBoundingClientRect().right).join(', ');
                }
                """));

    /// The element is whole on screen: inside the window, not cut by any box around it that hides its overflow, and its
    /// own text not cut short.
    public static async Task ExpectFullyVisibleAsync(ILocator element)
    {
        await Assertions.Expect(element).ToBeVisibleAsync();
        await element.ScrollIntoViewIfNeededAsync();
        var problem = await element.EvaluateAsync<string>("""
            e => {
                const r = e.getBoundingClientRect();
                if (r.left < -0.5 || r.top < -0.5 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
                    return `outside the window: ${r.left},${r.top} to ${r.right},${r.bottom} in ${window.innerWidth}x${window.innerHeight}`;
                }
                for (let p = e.parentElement; p; p = p.parentElement) {
                    const s = getComputedStyle(p);
                    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
                    const b = p.getBoundingClientRect();
                    if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
                        return `cut by ${p.tagName}.${p.className}`;
                    }
                }
                return e.scrollWidth > e.clientWidth + 1 ? `its text is cut: ${e.scrollWidth} > ${e.clientWidth}` : '';
            }
            """);
        Assert.True(problem.Length == 0, $"'{await element.InnerTextAsync()}' is not fully visible: {problem}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
