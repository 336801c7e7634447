using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The register and the team queue on a 390 px phone (issue 16, item 10): the header and the register's own heading
/// row fit, "Register a notification" is whole and leads to its form, the tables become stacked rows, and the page never
/// scrolls sideways. At 1366 px the same pages keep their table and one-line heading row.
[Collection(BrowserCollection.Name)]
public sealed class NarrowScreenTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Officer_UsesTheRegisterAndTheTeamQueue_WithoutSidewaysScrolling(int width, int height)
    {
        var phone = width < 600;
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(width, height);
        await tab.SignInAsync(DemoAccounts.LrOfficer);

        // The header: the menu button, the portal's name, the person and "Sign out", all whole on one bar.
        var header = page.Locator("header.mud-appbar");
        await PortalPage.ExpectFullyVisibleAsync(header.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }));
        await PortalPage.ExpectFullyVisibleAsync(header.GetByRole(AriaRole.Link, new() { Name = "Review Portal" }));
        await PortalPage.ExpectFullyVisibleAsync(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));

        // The register: its heading row fits, with "Register a notification" whole; the rows are readable.
        await tab.GotoAsync("reviews");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review register", Level = 1 })).ToBeVisibleAsync();
        var rows = page.Locator("#review-register tbody tr");
        await Expect(rows.First.Locator("a")).ToBeVisibleAsync();
        await PortalPage.ExpectFullyVisibleAsync(rows.First.Locator("a"));
        var register = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Register a notification" });
        await PortalPage.ExpectFullyVisibleAsync(register);
        await PortalPage.ExpectFullyVisibleAsync(page.Locator("#export-register"));
        // On a phone each row is a stack of labelled cells (the column headings are hidden); on a desktop, a table.
        var headings = page.Locator("#review-register thead tr").First;
        if (phone)
        {
            await Expect(headings).ToBeHiddenAsync();
        }
        else
        {
            await Expect(headings).ToBeVisibleAsync();
        }

        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync($"narrow-register-{width}");

        // The menu's entry is whole too, and leads to the form (on a phone the menu opens over the page).
        if (phone)
        {
            await header.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync();
        }

        var menuEntry = page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Register a notification" });
        await PortalPage.ExpectFullyVisibleAsync(menuEntry);
        if (phone)
        {
            // Closed by a tap beside it, on the page it covers.
            await page.Mouse.ClickAsync(width - 10, height / 2);
            await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        }

        await register.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/reviews/new", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeVisibleAsync();
        await tab.ExpectNoSidewaysScrollAsync();

        // The team queue: each task a stacked row on a phone, its Claim button and menu whole.
        await tab.GotoAsync("work/team");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team queue", Level = 1 })).ToBeVisibleAsync();
        var task = page.Locator("#work-queue tbody tr").First;
        await Expect(task.Locator("[data-action='claim']")).ToBeVisibleAsync();
        await task.ScrollIntoViewIfNeededAsync();
        await PortalPage.ExpectFullyVisibleAsync(task.Locator("a").First);
        await PortalPage.ExpectFullyVisibleAsync(task.Locator("[data-action='claim']"));
        await PortalPage.ExpectFullyVisibleAsync(page.Locator(".mud-table-pagination-toolbar"));
        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
        await tab.ScreenshotAsync($"narrow-team-{width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Officer_ReadsAReviewsAuditHistory_AsLabelledLinesOnAPhone_AndAsATableOnADesktop(int width, int height)
    {
        var phone = width < 600;
        var id = await _portal.RegisterReviewAsync(Domain.Calendar.London.DateOf(_portal.Time.GetUtcNow().UtcDateTime).AddDays(-5));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(width, height);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");

        var history = page.Locator("#review-history");
        var row = history.Locator("tbody tr").Last;
        await Expect(row).ToContainTextAsync("Created");
        await row.ScrollIntoViewIfNeededAsync();
        var cells = row.Locator("td");
        if (phone)
        {
            // Each cell a line of its own, led by its column's name, as wide as the row: no word-a-line columns.
            await Expect(history.Locator("thead")).ToBeHiddenAsync();
            var rowWidth = (await row.BoundingBoxAsync())!.Width;
            Assert.True(rowWidth > 300, $"The row is {rowWidth}px wide.");
            foreach (var cell in await cells.AllAsync())
            {
                if (!await cell.IsVisibleAsync())
                {
                    continue; // an empty detail
                }

                Assert.True((await cell.BoundingBoxAsync())!.Width >= rowWidth - 1, "A cell is narrower than its row.");
                Assert.Equal(await cell.GetAttributeAsync("data-label"), await cell.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content.replaceAll('\"', '')"));
            }

            var lines = await cells.EvaluateAllAsync<double[]>("cs => cs.filter(c => c.offsetParent).map(c => c.getBoundingClientRect().top)");
            Assert.Equal(lines.Order(), lines);
            Assert.Equal(lines.Length, lines.Distinct().Count());
        }
        else
        {
            await Expect(history.Locator("thead")).ToBeVisibleAsync();
            var tops = await cells.EvaluateAllAsync<double[]>("cs => cs.map(c => c.getBoundingClientRect().top)");
            Assert.Single(tops.Distinct());
        }

        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
        await tab.ScreenshotAsync($"narrow-history-{width}");
    }

    /// A review's "Notifications sent" on a 390 px phone: each email a stack of labelled lines (the headings hidden), the
    /// address whole, no sideways scrolling, axe clean.
    [Fact]
    public async Task NotificationsSent_OnAPhone_AreStackedRows()
    {
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var office = officer.OfficeIds.Single();
        var reviewId = await _portal.WithDbAsync(db => (from m in db.OutboxMessages
                                                        join r in db.Reviews on m.ReviewId equals r.Id
                                                        where r.LeadOfficeId == office
                                                        orderby r.Id
                                                        select r.Id).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);
        await tab.SignInAsync(DemoAccounts.LrOfficer);

        await tab.GotoAsync($"reviews/{reviewId}");
        var table = page.Locator("#notifications-sent");
        var first = table.Locator("tbody tr").First;
        await Expect(first).ToBeVisibleAsync();
        await Expect(table.Locator("thead tr")).ToBeHiddenAsync();
        var to = first.Locator("td[data-label='To']");
        await PortalPage.ExpectFullyVisibleAsync(to);
        await Expect(first.Locator("td[data-label='When']")).ToContainTextAsync("20");
        // The cells sit one under another, each led by its column's name.
        var toBox = await to.BoundingBoxAsync();
        var whyBox = await first.Locator("td[data-label='Why']").BoundingBoxAsync();
        Assert.True(whyBox!.Y >= toBox!.Y + toBox.Height - 1, $"'Why' ({whyBox.Y}) is not under 'To' ({toBox.Y} + {toBox.Height})");
        Assert.Equal("\"To\"", await to.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await tab.ExpectNoSidewaysScrollAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("narrow-notifications-sent");
    }
}
