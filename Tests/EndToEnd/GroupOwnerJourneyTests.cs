using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 18 in Chromium: the officer re-plans a police action to a delivery group (held as an organisation working with
/// the office, its contact an agency-contact account); the group's contact signs in, finds the action in "Your work",
/// and posts an update dated two days before it was typed in, which its history shows with when it was recorded. axe
/// on each page.
[Collection(BrowserCollection.Name)]
public sealed class GroupOwnerJourneyTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Officer_ReplansAnActionToADeliveryGroup_TheGroupsContactFindsItInYourWork_AndPostsADatedUpdate()
    {
        await ActionPlanScenario.DeliveryGroupAsync(_portal);
        var reviewId = await ActionPlanScenario.ReviewAtSignOffAsync(_portal);
        var actionId = await ActionPlanScenario.ActionAsync(_portal, reviewId, await ActionPlanScenario.RecommendationAsync(_portal, reviewId));
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"actions/{actionId}");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Re-plan this action" }).ClickAsync();
        await officer.ChooseAsync("replan-agency", ActionPlanScenario.DeliveryGroupOwner);
        await Expect(officer.Page.Locator("#replan-form")).ToContainTextAsync("Dana Group");
        await officer.Page.Locator("#replan-reason").FillAsync("The delivery group now leads the multi-agency training.");
        await officer.AssertAccessibleAsync();
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(officer.Page.Locator("#action-details")).ToContainTextAsync($"{ActionPlanScenario.DeliveryGroup} (Dana Group)");
        await Expect(officer.Page.Locator("#action-changes")).ToContainTextAsync("Leicestershire Police (Priya Police)");
        await officer.AssertAccessibleAsync();

        await using var group = await PortalPage.OpenAsync(browser, _portal);
        await group.SignInAsync(ActionPlanScenario.DeliveryGroupEmail);
        await group.GotoAsync("");
        var task = group.Page.Locator("#your-tasks").GetByRole(AriaRole.Link, new() { Name = "Action R1.1 of the action plan" });
        await Expect(task).ToBeVisibleAsync();
        await group.AssertAccessibleAsync();
        await task.ClickAsync();
        await group.Page.WaitForURLAsync(url => url.EndsWith($"/actions/{actionId}", StringComparison.Ordinal));
        await group.WaitForInteractiveAsync();
        await group.AssertAccessibleAsync();
        await group.Page.Locator("#update-text").FillAsync("Delivery group agreed the training plan at Tuesday's meeting.");
        await group.ChooseAsync("update-status", "On track");
        await group.Page.Locator("#update-as-at").FillAsync("01/12/2026");
        await group.Page.Locator("#update-as-at").PressAsync("Tab");
        await group.Page.Locator("#save-update").ClickAsync();
        var history = group.Page.Locator("#action-history");
        await Expect(history).ToContainTextAsync("Delivery group agreed the training plan");
        await Expect(history).ToContainTextAsync("1 Dec 2026");
        await Expect(history).ToContainTextAsync("Dana Group, recorded 3 Dec 2026 10:00");
        await Expect(group.Page.Locator("#action-status")).ToContainTextAsync("On track");
        await group.AssertAccessibleAsync();
        Assert.Equal([new DateOnly(2026, 12, 1)], await _portal.WithDbAsync(db => db.ActionUpdates.Where(u => u.ActionId == actionId).Select(u => u.AsAt).ToListAsync()));
        Assert.Empty(officer.ConsoleErrors);
        Assert.Empty(group.ConsoleErrors);
    }
}
