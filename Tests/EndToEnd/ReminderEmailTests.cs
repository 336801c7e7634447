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

/// Issue 4: a manager receives an overdue email at a real SMTP server (maildev), follows its link, signs in and lands
/// on the review, where "Notifications sent" shows that email.
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
    public async Task Manager_GetsTheOverdueEmail_FollowsItsLink_SignsIn_AndLandsOnTheReview()
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

        // Due 24 Dec; 25 and 28 Dec are bank holidays: 1 working day overdue on Tuesday 29 Dec, sent from 08:00.
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 29, 8, 30, 0, TimeSpan.Zero));
        await _portal.Get<ReminderScan>().RunAsync();
        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        var about = await _mail.WaitForSubjectAsync(DemoAccounts.LrManager, label);
        Assert.NotEmpty(about);
        var overdue = about[0];
        Assert.StartsWith("Overdue: Present the case to the CRG", overdue.Subject, StringComparison.Ordinal);
        Assert.Contains("1 working day overdue", overdue.Text, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(overdue.Text!).Value);
        Assert.Equal($"/reviews/{reviewId}", link.AbsolutePath);

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.Page.GotoAsync(link.PathAndQuery.TrimStart('/'));
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await tab.Page.GetByLabel("Email address").FillAsync(DemoAccounts.LrManager);
        await tab.Page.GetByLabel("Password").FillAsync(_portal.DemoPassword);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await tab.Page.WaitForURLAsync(url => url.EndsWith($"/reviews/{reviewId}", StringComparison.OrdinalIgnoreCase));
        await tab.WaitForInteractiveAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
        var sent = tab.Page.Locator("#notifications-sent");
        await Expect(sent.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoAccounts.LrManager })).ToContainTextAsync("Overdue: managers");
        await tab.AssertAccessibleAsync();
        await _mail.ClearAsync(DemoAccounts.LrManager);
    }

    [GeneratedRegex(@"https?://\S+/reviews/\d+")]
    private static partial Regex LinkPattern();
}
