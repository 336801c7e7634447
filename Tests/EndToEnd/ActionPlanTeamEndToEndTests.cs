using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 18 in Chromium: an administrator names Rutland CSP's community safety team as managing its action plans; a
/// member signs in, finds the review's plan under "Action plans you manage" on their home page and the master action plan,
/// and records an action. axe on each page.
[Collection(BrowserCollection.Name)]
public sealed class ActionPlanTeamEndToEndTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Administrator_SetsATeam_AMemberRecordsAnAction()
    {
        var reviewId = await ActionPlanScenario.ReviewAtSignOffAsync(_portal);
        await ActionPlanScenario.RecommendationAsync(_portal, reviewId);
        var member = await ActionPlanTeamScenario.NewPlanManagerAsync(_portal, "Casey Community");

        await using var admin = await PortalPage.OpenAsync(browser, _portal);
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Action plan teams" }).ClickAsync();
        await admin.WaitForInteractiveAsync();
        await admin.AssertAccessibleAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change who manages Rutland CSP's action plans" }).ClickAsync();
        await admin.Page.GetByText("The review office and a named team").ClickAsync();
        await admin.Page.Locator("#team-save").ClickAsync();
        await Expect(admin.Page.Locator("#team-form")).ToContainTextAsync("Enter the team's name");
        await Expect(admin.Page.Locator("#members-error")).ToContainTextAsync("Choose at least one member");
        await admin.AssertAccessibleAsync();
        await admin.Page.Locator("#team-name").FillAsync("Rutland Community Safety Team");
        await admin.Page.GetByText($"Casey Community ({member})").ClickAsync();
        await admin.Page.Locator("#team-save").ClickAsync();
        await Expect(admin.Page.Locator("#teams-table")).ToContainTextAsync("The review office and Rutland Community Safety Team (Casey Community)");
        await admin.AssertAccessibleAsync();

        await using var cst = await PortalPage.OpenAsync(browser, _portal);
        await cst.SignInAsync(member);
        // Their home page lists the plans they manage, with the count (issue: it showed nothing particular).
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        await cst.GotoAsync("");
        await Expect(cst.Page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        await Expect(cst.Page.Locator("#managed-plans")).ToContainTextAsync(reference);
        // The demo has other Rutland reviews at a plan stage: the count is the master plan's list's.
        var managed = await _portal.Get<Workflows.ActionPlans.ActionPlanTeamsHandler>().ManagedPlansAsync(await _portal.ActorAsync(member));
        Assert.Contains(managed, p => p.ReviewId == reviewId);
        await Expect(cst.Page.Locator("#managed-plans-count")).ToHaveTextAsync(
            (managed.Count == 1 ? "1 review's action plan" : $"{managed.Count} reviews' action plans") + ", for 1 CSP.");
        await cst.AssertAccessibleAsync();
        await cst.Page.GetByRole(AriaRole.Link, new() { Name = "Master action plan" }).First.ClickAsync();
        await cst.WaitForInteractiveAsync();
        await Expect(cst.Page.Locator("#managed-plans")).ToContainTextAsync(reference);
        await cst.AssertAccessibleAsync();
        await cst.Page.Locator("#managed-plans").GetByRole(AriaRole.Link).First.ClickAsync();
        await cst.Page.WaitForURLAsync(url => url.EndsWith($"/reviews/{reviewId}/action-plan", StringComparison.Ordinal));
        await cst.WaitForInteractiveAsync();
        await Expect(cst.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the master action plan" })).ToBeVisibleAsync();
        await cst.Page.Locator("#add-action-1").ClickAsync();
        await cst.Page.Locator("#action-what").FillAsync("Train response officers in risk after separation.");
        await cst.ChooseAsync("action-agency", "Leicestershire Police");
        await Expect(cst.Page.Locator("#action-form")).ToContainTextAsync("Priya Police");
        await cst.Page.Locator("#action-due").FillAsync("31/03/2027");
        await cst.Page.Locator("#action-due").PressAsync("Tab");
        await cst.Page.Locator("#action-measure").FillAsync("Every response officer trained.");
        await cst.Page.Locator("#save-action").ClickAsync();
        await Expect(cst.Page.GetByRole(AriaRole.Link, new() { Name = "R1.1" })).ToBeVisibleAsync();
        await cst.AssertAccessibleAsync();
        var memberId = (await _portal.ActorAsync(member)).UserId;
        Assert.Equal(memberId, await _portal.WithDbAsync(db => db.PlanActions.Where(a => a.ReviewId == reviewId).Select(a => a.CreatedByUserId).SingleAsync()));

        // The review itself stays closed to the team.
        await cst.GotoAsync($"reviews/{reviewId}");
        await Expect(cst.Page.GetByText("You do not have access to this review")).ToBeVisibleAsync();
        Assert.Empty(admin.ConsoleErrors);
        Assert.Empty(cst.ConsoleErrors);
    }
}
