using System.Text.RegularExpressions;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.Reviews;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issues 4 and 16: a manager receives an overdue email at a real SMTP server (maildev), follows its link, signs in and
/// lands on the overdue queue showing the review's task, counted in the same days as the email, and reassigns it there.
[Collection(BrowserCollection.Name)]
public sealed partial class ReminderEmailTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly MailDev _mail = new();
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true).SendEmailThrough(_mail);
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _mail.Dispose();
    }

    [Fact]
    public async Task Manager_GetsTheOverdueEmail_FollowsItsLink_SignsIn_AndReassignsTheTask_WhereTheQueueCountsAsTheEmail()
    {
        var notified = new DateOnly(2026, 11, 24);
        var ids = await _portal.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));
        var label = $"Case R{Guid.NewGuid():N}"[..16];
        var registered = await _portal.Get<RegisterNotificationHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer), new Notification(
            ReviewType.Dardr, false, false, false, ids["Rutland CSP"], [], ids["Leicestershire Police"], notified, notified.Year, notified.Month, 1,
            label, null, null, "A summary."));
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        var reviewId = registered.Value.Id;
        await _mail.ClearAsync(DemoAccounts.LrManager);

        // Due 24 Dec; 25 and 28 Dec are bank holidays: the managers are told on Tuesday 29 Dec, sent from 08:00.
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 29, 8, 30, 0, TimeSpan.Zero));
        await _portal.Get<ReminderScan>().RunAsync();
        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        var about = await _mail.WaitForSubjectAsync(DemoAccounts.LrManager, label);
        var overdue = Assert.Single(about);
        Assert.StartsWith("Overdue: Present the case to the CRG", overdue.Subject, StringComparison.Ordinal);
        Assert.Contains("Step: Present the case to the CRG", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("Now: 5 days overdue", overdue.Text, StringComparison.Ordinal);
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var link = new Uri(LinkPattern().Match(overdue.Text!).Value);
        Assert.Equal("/work/overdue", link.AbsolutePath);

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await page.GotoAsync(link.PathAndQuery.TrimStart('/'));
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.LrManager);
        await page.GetByLabel("Password").FillAsync(_portal.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/work/overdue?search=", StringComparison.OrdinalIgnoreCase));
        await tab.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-search")).ToHaveValueAsync(reference);
        var row = page.Locator("#work-queue tbody tr").Filter(new() { HasText = reference });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Present the case to the CRG");
        await Expect(row.Locator("[data-due-text]")).ToHaveTextAsync("5 days overdue");
        await tab.AssertAccessibleAsync();

        await row.Locator("[data-action='more'] button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Reassign…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Reassign \"Present the case to the CRG\"");
        await page.Locator("div.mud-select:has(#reassign-to)").Last.ClickAsync();
        var colleague = (await page.GetByRole(AriaRole.Option).First.InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
        const string note = "Five days late: please present it at Thursday's CRG.";
        await page.Locator("#reassign-note").FillAsync(note);
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"{note.Length} / 500");
        await tab.AssertAccessibleAsync();
        await page.Locator("#reassign-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"is assigned to {colleague}");
        await Expect(row).ToContainTextAsync(colleague);
        Assert.Empty(tab.ConsoleErrors);
        await _mail.ClearAsync(DemoAccounts.LrManager);
    }

    [GeneratedRegex(@"https?://\S+/work/overdue\?search=\S+")]
    private static partial Regex LinkPattern();
}
