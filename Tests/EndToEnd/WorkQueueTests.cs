using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WorkQueueTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static ILocator Rows(IPage page) => page.Locator("#work-queue tbody tr");

    /// The menu's count beside a queue, once the interactive menu has loaded it.
    private static async Task<int> NavCountAsync(IPage page, string href)
    {
        var count = page.Locator($"[data-count='{href}']");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        return int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExpectNavCountAsync(IPage page, string href, int expected) =>
        await Assertions.Expect(page.Locator($"[data-count='{href}']")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_ClaimsATeamQueueTask_ItMovesToMyWork_AndTheMenuCountsChange()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("work/team");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team queue", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page).First.Locator("[data-action='claim']")).ToBeVisibleAsync();
        var team = await NavCountAsync(page, "work/team");
        var mine = await NavCountAsync(page, "work/mine");
        await AssertCleanAsync(tab);

        var row = Rows(page).First;
        var reference = (await row.Locator("a").First.InnerTextAsync()).Trim();
        var task = (await row.Locator("[data-task-link]").InnerTextAsync()).Trim();
        await row.Locator("[data-action='claim']").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"You claimed \"{task}\" ({reference})");
        await ExpectNavCountAsync(page, "work/team", team - 1);
        await ExpectNavCountAsync(page, "work/mine", mine + 1);

        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();
        var claimed = Rows(page).Filter(new() { HasText = reference }).Filter(new() { HasText = task });
        await Assertions.Expect(claimed).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("my-work");
        await AssertCleanAsync(tab);
    }

    [Fact]
    public async Task Officer_ClicksATask_LandsOnItsFormOpen_RecordsTheStep_AndTheNextTaskIsTheirs()
    {
        var today = Domain.Calendar.London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);
        var id = await _portal.RegisterReviewAsync(today.AddDays(-2));
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"work/team?search={reference}");

        var row = Rows(page).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link, new() { Name = "Present the case to the CRG" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"reviews/{id}?do=PresentToCrg#process-panel", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#action-form-title")).ToHaveTextAsync("Present to the CRG");
        await Assertions.Expect(page.Locator("#action-form-title")).ToBeFocusedAsync();
        await AssertCleanAsync(tab);
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();

        // The step they recorded opened the next task in their own work, not the team queue; it leads to the decision.
        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await page.Locator("#queue-search").FillAsync(reference);
        var mine = Rows(page).Filter(new() { HasText = reference });
        await Assertions.Expect(mine.Locator("[data-task-link]")).ToHaveTextAsync("Record the CRG's decision");
        await Assertions.Expect(mine.Locator("[data-task-link]")).ToHaveAttributeAsync("href", $"reviews/{id}#process-panel");
        await AssertCleanAsync(tab);
    }

    [Fact]
    public async Task Manager_ReassignsATask_ToAnotherOfficerOfTheOffice_WhoSeesItInMyWork()
    {
        const string password = "Second-Officer-2026!";
        var email = $"second.{Guid.NewGuid():N}@lr.example.org";
        var lrOffice = (await _portal.ActorAsync(DemoAccounts.LrOfficer)).OfficeIds.Single();
        var created = await _portal.Get<CreateUserHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Sam Second", email, password, new UserAccess([Role.ReviewOfficer], [lrOffice], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        // As if the officer had already replaced the temporary password (AdminTests covers that step).
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false)));

        await using var manager = await PortalPage.OpenAsync(browser, _portal);
        var page = manager.Page;
        await manager.SignInAsync(DemoAccounts.LrManager);
        // The team queue offers a manager only tasks for managers: the office's officer tasks are in the overdue and due-soon queues.
        await manager.GotoAsync("work/overdue");
        var row = Rows(page).Filter(new() { Has = page.Locator("[data-action='claim']") }).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var reference = (await row.Locator("a").First.InnerTextAsync()).Trim();
        var task = (await row.Locator("[data-task-link]").InnerTextAsync()).Trim();

        await row.Locator("[data-action='more'] button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Reassign…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Reassign \"{task}\"");
        await page.Locator("div.mud-select:has(#reassign-to)").Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Sam Second", Exact = true }).ClickAsync();
        // Without a note it is refused beside the field, the choice kept.
        await page.Locator("#reassign-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Write a note: why the task is theirs now and what to do first.");
        await manager.AssertAccessibleAsync();
        const string note = "Olivia is on leave: the CRG meets on Thursday.";
        await page.Locator("#reassign-note").FillAsync(note);
        await page.Locator("#reassign-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("is assigned to Sam Second, who is emailed.");
        Assert.Empty(manager.ConsoleErrors);

        await using var second = await PortalPage.OpenAsync(browser, _portal);
        await second.SignInAsync(email, password);
        await second.GotoAsync("work/mine");
        var mine = Rows(second.Page).Filter(new() { HasText = reference }).Filter(new() { HasText = task });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.Locator("[data-assignment-note]")).ToHaveTextAsync($"Note from the manager: {note}");
        await AssertCleanAsync(second);
        var outbox = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientAddress == email && m.Reason == "TaskReassigned")
            .Select(m => m.Subject).ToListAsync());
        Assert.Equal([$"A task on review {reference} is now yours"], outbox);
    }

    [Fact]
    public async Task Overdue_AfterBusinessTimeMovesOn_RowsAreHighlighted_AndEveryQueueIsAccessible()
    {
        _portal.Time.Advance(TimeSpan.FromDays(60));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("work/overdue");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue", Level = 1 })).ToBeVisibleAsync();
        var overdue = page.Locator("#work-queue tbody tr.row-overdue");
        await Assertions.Expect(overdue.First).ToBeVisibleAsync();
        Assert.Equal(await Rows(page).CountAsync(), await overdue.CountAsync());
        await Assertions.Expect(overdue.First.Locator("[data-due-text]")).ToContainTextAsync("overdue");
        Assert.True(await NavCountAsync(page, "work/overdue") > 0);
        await tab.ScreenshotAsync("overdue");
        await AssertCleanAsync(tab);

        foreach (var (href, heading) in new[] { ("work/mine", "My work"), ("work/team", "Team queue"), ("work/due-soon", "Due in the next 14 days"), ("work/on-hold", "On hold") })
        {
            await tab.GotoAsync(href);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#work-queue tbody tr").First).ToBeVisibleAsync();
            await AssertCleanAsync(tab);
        }
    }

    [Fact]
    public async Task Dashboard_ShowsAManagerTheOfficesFigures_AndIsRefusedToAnOfficer()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrManager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#by-stage")).ToContainTextAsync("On hold");
        await Assertions.Expect(page.Locator("#by-stage tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#overdue-by-person")).ToContainTextAsync("Unassigned");
        await Assertions.Expect(page.Locator("#clocks-at-risk a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^reviews/\d+$"));
        await tab.ScreenshotAsync("dashboard");
        await AssertCleanAsync(tab);

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
        await officer.Page.GotoAsync("dashboard");
        await officer.Page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task JobsDashboard_WorksUnderOurContentSecurityPolicy_ForAnAdministrator_AndRefusesOthers()
    {
        _portal.Set("Jobs:Enabled", "true");
        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        // The administrators' menu leads to it, in a new tab.
        var menuLink = admin.Page.GetByRole(AriaRole.Link, new() { Name = "Background jobs (opens in a new tab)" });
        await Assertions.Expect(menuLink).ToHaveAttributeAsync("target", "_blank");
        await admin.AssertAccessibleAsync();
        var jobs = await admin.Page.Context.RunAndWaitForPageAsync(() => menuLink.ClickAsync());
        await jobs.WaitForLoadStateAsync();
        Assert.EndsWith("/hangfire", jobs.Url, StringComparison.Ordinal);
        await Assertions.Expect(jobs.Locator("canvas").First).ToBeVisibleAsync();
        await jobs.CloseAsync();
        var response = await admin.Page.GotoAsync("hangfire/recurring");
        Assert.Equal(200, response!.Status);
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Assertions.Expect(admin.Page.Locator(".js-jobs-list")).ToContainTextAsync("timer-sweep");
        await admin.Page.GotoAsync("hangfire");
        // The realtime graph is drawn by Hangfire's own script: it only appears if the policy lets the script run.
        await Assertions.Expect(admin.Page.Locator("#realtimeGraph canvas, .hangfire-realtime-graph canvas, canvas").First).ToBeVisibleAsync();
        await admin.ScreenshotAsync("hangfire");
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join("\n", admin.ConsoleErrors));

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Link, new() { Name = "Background jobs (opens in a new tab)" })).ToHaveCountAsync(0);
        var refused = await officer.Page.GotoAsync("hangfire");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(officer.Page.GetByText("timer-sweep")).ToHaveCountAsync(0);
    }
}
