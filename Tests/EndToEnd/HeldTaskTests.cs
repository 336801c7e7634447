using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 16: an officer puts a review whose task is long overdue on hold; everywhere that task appears (the team
/// queue, the overdue page, the menu's Overdue count) it is paused like its clock, and the hold's own task keeps its date.
[Collection(BrowserCollection.Name)]
public sealed class HeldTaskTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static ILocator Row(IPage page, string reference, string task) =>
        page.Locator("#work-queue tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = task });

    private static async Task<int> OverdueCountAsync(IPage page)
    {
        var count = page.Locator("[data-count='work/overdue']");
        await Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        return int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task SearchAsync(PortalPage tab, string href, string reference)
    {
        await tab.GotoAsync(href);
        await tab.Page.Locator("#queue-search").FillAsync(reference);
    }

    [Fact]
    public async Task ReviewPutOnHold_ItsOverdueTask_ReadsPausedOnHold_InTheTeamQueue_LeavesOverdue_AndTheBadge()
    {
        // Notified 60 days ago: the CRG's decision, and the task to present the case, were due a month after that.
        var notified = Today.AddDays(-60);
        var id = await _portal.RegisterReviewAsync(notified);
        var late = Today.DayNumber - notified.AddMonths(1).DayNumber;
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        const string task = "Present the case to the CRG";
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);

        await SearchAsync(tab, "work/overdue", reference);
        await Expect(Row(page, reference, task).Locator("[data-due-text]")).ToHaveTextAsync($"{late} days overdue");
        var before = await OverdueCountAsync(page);

        await tab.GotoAsync($"reviews/{id}");
        await page.Locator("#open-PutOnHold").ClickAsync();
        await tab.ChooseAsync("action-hold-reason", "Inquest");
        await page.Locator("#action-expected-review").FillAsync(UkDate(Today.AddDays(30)));
        await page.Locator("#action-expected-review").PressAsync("Tab");
        await page.Locator("#action-submit").ClickAsync();
        await Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("On hold");
        await Expect(page.Locator("#clock-Decision .clock-status")).ToHaveTextAsync("paused (on hold)");

        // The team queue: the task reads as its clock does, without the overdue highlight.
        await SearchAsync(tab, "work/team", reference);
        var held = Row(page, reference, task);
        await Expect(held.Locator("[data-due-text]")).ToHaveTextAsync("paused (on hold)");
        await Expect(held).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("row-overdue"));
        await tab.AssertAccessibleAsync();
        // The hold's review keeps its date, in the officer's own work: putting it on hold made it theirs.
        await SearchAsync(tab, "work/mine", reference);
        await Expect(Row(page, reference, "Review the hold").Locator("[data-due-text]")).ToHaveTextAsync("in 30 days");

        // Overdue: not listed, and not counted in the menu.
        await SearchAsync(tab, "work/overdue", reference);
        await Expect(page.GetByText("No tasks match.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-count='work/overdue']")).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await tab.ScreenshotAsync("overdue-without-held-task");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static string UkDate(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
