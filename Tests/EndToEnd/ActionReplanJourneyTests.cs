using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 18 in Chromium: an action goes overdue (business time moved on); the officer re-plans it, is told beside the
/// field that a new due date needs a reason (nothing saved), gives one, and sees the overdue mark go and the change in
/// the action's history (with the day it was agreed and, as that was another day, when it was recorded) and on the
/// master plan. axe on each page.
[Collection(BrowserCollection.Name)]
public sealed class ActionReplanJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true);
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_ReplansAnOverdueAction_WithAReason_AndTheOverdueMarkGoes()
    {
        var reviewId = await ActionPlanScenario.ReviewAtSignOffAsync(_portal);
        var actionId = await ActionPlanScenario.ActionAsync(_portal, reviewId, await ActionPlanScenario.RecommendationAsync(_portal, reviewId), dueInDays: 3);
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)); // due Thu 26 Nov: a week overdue

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"actions/{actionId}");
        await Expect(officer.Page.Locator("#action-status")).ToContainTextAsync("Overdue");
        await officer.AssertAccessibleAsync();

        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Re-plan this action" }).ClickAsync();
        await Expect(officer.Page.Locator("#replan-what")).ToHaveValueAsync("Train response officers in risk after separation.");
        await officer.Page.Locator("#replan-due").FillAsync("29/01/2027");
        await officer.Page.Locator("#replan-due").PressAsync("Tab");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(officer.Page.Locator("#replan-form")).ToContainTextAsync("Say why the due date changes");
        await Expect(officer.Page.Locator("#action-status")).ToContainTextAsync("Overdue");
        await officer.AssertAccessibleAsync();
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ActionChanges.CountAsync(c => c.ActionId == actionId)));

        await officer.Page.Locator("#replan-reason").FillAsync("The training provider moved the course to January.");
        // Agreed at Tuesday's meeting, typed in on Thursday: the history shows both.
        await officer.Page.Locator("#replan-agreed-on").FillAsync("01/12/2026");
        await officer.Page.Locator("#replan-agreed-on").PressAsync("Tab");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(officer.Page.Locator("#action-status")).Not.ToContainTextAsync("Overdue");
        await Expect(officer.Page.Locator("#action-status")).ToContainTextAsync("Not started");
        await Expect(officer.Page.Locator("#action-details")).ToContainTextAsync("29 Jan 2027");
        var changes = officer.Page.Locator("#action-changes");
        await Expect(changes).ToContainTextAsync("Due date");
        await Expect(changes).ToContainTextAsync("26 Nov 2026");
        await Expect(changes).ToContainTextAsync("29 Jan 2027");
        await Expect(changes).ToContainTextAsync("The training provider moved the course to January.");
        await Expect(changes).ToContainTextAsync("1 Dec 2026");
        await Expect(changes).ToContainTextAsync("recorded 3 Dec 2026 10:00");
        Assert.Equal([new DateOnly(2026, 12, 1)], await _portal.WithDbAsync(db => db.ActionChanges.Where(c => c.ActionId == actionId).Select(c => c.AgreedOn).ToListAsync()));
        await officer.AssertAccessibleAsync();

        await officer.GotoAsync("actions/plan");
        await Expect(officer.Page.Locator("#action-plan-grid")).ToContainTextAsync("29 Jan 2027");
        await officer.AssertAccessibleAsync();
        Assert.Empty(officer.ConsoleErrors);
    }
}
