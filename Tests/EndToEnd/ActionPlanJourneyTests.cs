using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Email;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 6 in Chromium: the officer records a recommendation and an action; the police contact posts an update with a
/// Word document as evidence; the officer signs it off; twelve months later (business time) the scan asks the contact
/// for the impact review, by email (maildev) and in "Our actions", and the contact answers it. axe on every page.
[Collection(BrowserCollection.Name)]
public sealed class ActionPlanJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly MailDev _mail = new();
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true).SendEmailThrough(_mail);
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _mail.Dispose();
    }

    [Fact]
    public async Task Contact_UpdatesWithEvidence_OfficerSignsOff_AYearLaterTheContactAnswersTheImpactReview()
    {
        var reviewId = await ActionPlanScenario.ReviewAtSignOffAsync(_portal);
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var label = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.CaseLabel).SingleAsync());
        await _mail.ClearAsync(DemoAccounts.AgencyContact);

        // The officer records the recommendation and its action.
        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"reviews/{reviewId}");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Open the action plan" }).ClickAsync();
        await officer.Page.WaitForURLAsync(url => url.EndsWith($"/reviews/{reviewId}/action-plan", StringComparison.Ordinal));
        await officer.WaitForInteractiveAsync();
        await Expect(officer.Page.Locator("#no-recommendations")).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();
        await officer.Page.Locator("#save-recommendation").ClickAsync();
        await Expect(officer.Page.Locator("#recommendation-form")).ToContainTextAsync("Enter the recommendation as the report words it.");
        await officer.Page.Locator("#recommendation-text").FillAsync("Police to assess risk again whenever a couple separates.");
        await officer.ChooseAsync("recommendation-level", "Single agency");
        await officer.ChooseAsync("recommendation-agency", "Leicestershire Police");
        await officer.Page.Locator("#save-recommendation").ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation R1" })).ToBeVisibleAsync();
        await officer.Page.Locator("#add-action-1").ClickAsync();
        await officer.Page.Locator("#action-what").FillAsync("Train response officers in risk after separation.");
        await officer.ChooseAsync("action-agency", "Leicestershire Police");
        await Expect(officer.Page.Locator("#action-form")).ToContainTextAsync("Priya Police");
        await officer.Page.Locator("#action-due").FillAsync("31/03/2027");
        await officer.Page.Locator("#action-due").PressAsync("Tab");
        await officer.Page.Locator("#action-measure").FillAsync("Every response officer trained.");
        await officer.Page.Locator("#save-action").ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Link, new() { Name = "R1.1" })).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();
        var actionId = await _portal.WithDbAsync(db => db.PlanActions.Where(a => a.ReviewId == reviewId).Select(a => a.Id).SingleAsync());

        // The police contact finds it under "Our actions" and reports it completed, with a Word document as evidence.
        await using var contact = await PortalPage.OpenAsync(browser, _portal);
        await contact.SignInAsync(DemoAccounts.AgencyContact);
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "Our actions" }).ClickAsync();
        await contact.Page.WaitForURLAsync(url => url.EndsWith("/actions/ours", StringComparison.Ordinal));
        await contact.WaitForInteractiveAsync();
        await Expect(contact.Page.Locator("#impact-queue")).ToContainTextAsync("Nothing to answer");
        await contact.AssertAccessibleAsync();
        // The demo's police contact owns the demo review's actions too (its R1.1 among them): this review's is the one to open.
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "R1.1" }).And(contact.Page.Locator($"[href='actions/{actionId}']")).ClickAsync();
        await contact.Page.WaitForURLAsync(url => url.EndsWith($"/actions/{actionId}", StringComparison.Ordinal));
        await contact.WaitForInteractiveAsync();
        await contact.AssertAccessibleAsync();
        await contact.Page.Locator("#update-text").FillAsync("All 140 response officers trained; register attached.");
        await contact.ChooseAsync("update-status", "Completed");
        await contact.Page.Locator("input.evidence-input").SetInputFilesAsync(new FilePayload
        {
            Name = "training-register.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = ActionPlanScenario.Docx(),
        });
        await Expect(contact.Page.Locator("#update-form")).ToContainTextAsync("Chosen: training-register.docx");
        await contact.Page.Locator("#save-update").ClickAsync();
        await Expect(contact.Page.Locator("#action-status")).ToContainTextAsync("Completed");
        await Expect(contact.Page.Locator("#action-evidence")).ToContainTextAsync("Evidence for action R1.1 (DOCX");
        await Expect(contact.Page.Locator("#action-history")).ToContainTextAsync("All 140 response officers trained");
        await contact.AssertAccessibleAsync();

        // The officer checks the evidence and signs the action off, after confirming.
        await officer.GotoAsync($"actions/{actionId}");
        await Expect(officer.Page.Locator("#action-evidence")).ToContainTextAsync("Evidence for action R1.1");
        await officer.AssertAccessibleAsync();
        await officer.Page.Locator("#sign-off").ClickAsync();
        await officer.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await Expect(officer.Page.Locator("#action-status")).ToContainTextAsync("Signed off");
        await Expect(officer.Page.Locator("#impact-review")).ToContainTextAsync("Due on 23 Nov 2027");
        await officer.AssertAccessibleAsync();
        await officer.GotoAsync("actions/plan");
        await Expect(officer.Page.Locator("#action-plan-grid")).ToContainTextAsync(reference);
        await officer.AssertAccessibleAsync();

        // Twelve months on, the scan asks the contact for the impact review: by email and in their queue.
        _portal.Time.SetUtcNow(new DateTimeOffset(2027, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await _portal.Get<ActionPlanScan>().RunAsync()).ImpactReviews);
        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        // Other tests share maildev and the demo contact: this review's case label (random) picks out this test's email.
        var email = Assert.Single(await _mail.WaitForSubjectAsync(DemoAccounts.AgencyContact, $"Impact review: action R1.1 of {label}"));
        Assert.Contains($"/actions/{actionId}", email.Text, StringComparison.Ordinal);

        await contact.GotoAsync("actions/ours");
        await Expect(contact.Page.Locator("#impact-queue")).ToContainTextAsync("Impact review of action R1.1");
        await contact.AssertAccessibleAsync();
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "Impact review of action R1.1" }).ClickAsync();
        await contact.Page.WaitForURLAsync(url => url.EndsWith($"/actions/{actionId}", StringComparison.Ordinal));
        await contact.WaitForInteractiveAsync();
        await contact.AssertAccessibleAsync();
        await contact.Page.Locator("#save-impact").ClickAsync();
        await Expect(contact.Page.Locator("#impact-form")).ToContainTextAsync("Choose whether the change is still in place");
        await contact.Page.GetByText("Confirmed: still in place and made a difference").ClickAsync();
        await contact.Page.Locator("#impact-comment").FillAsync("Repeat risk assessments after separation doubled.");
        await contact.Page.Locator("#save-impact").ClickAsync();
        await Expect(contact.Page.Locator("#impact-review")).ToContainTextAsync("Confirmed: still in place and made a difference: Repeat risk assessments");
        await contact.AssertAccessibleAsync();
        Assert.Empty(contact.ConsoleErrors);
        Assert.Empty(officer.ConsoleErrors);
    }
}
