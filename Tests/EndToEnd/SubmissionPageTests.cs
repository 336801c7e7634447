using Domain.Calendar;
using Domain.Workflow;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The review page's "Sign-off, submission and publication" section, as an officer uses it.
[Collection(BrowserCollection.Name)]
public sealed class SubmissionPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static ILocatorAssertions Stage(IPage page) => Assertions.Expect(page.Locator("#review-stage"));

    [Fact]
    public async Task Officer_SubmitsWithTheChecklist_RecordsQaAmendments_TicksThemOff_AndPublishes()
    {
        var id = await _portal.ReviewAtSignOffAsync(Today, signedOff: true);
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        var section = page.Locator("#submission-section");
        await Assertions.Expect(section).ToContainTextAsync("Signed off 23 Nov 2026");
        await Stage(page).ToHaveTextAsync("CRG sign-off");
        await tab.AssertAccessibleAsync();

        // Nothing ticked: the message names what is missing, and nothing is recorded.
        await page.Locator("#submit-to-home-office").ClickAsync();
        await Assertions.Expect(page.Locator("#checklist-error")).ToContainTextAsync("tick the overview report, the executive summary, the action plan and the data collection form");
        await Stage(page).ToHaveTextAsync("CRG sign-off");
        await tab.AssertAccessibleAsync();

        foreach (var document in new[] { "Overview report", "Executive summary", "Action plan", "Data collection form" })
        {
            await section.GetByLabel(document, new() { Exact = true }).CheckAsync();
        }

        await page.Locator("#document-OverviewReport").FillAsync("12");
        await page.Locator("#submit-to-home-office").ClickAsync();
        await Stage(page).ToHaveTextAsync("Submitted to the Home Office");
        await Assertions.Expect(page.Locator("#submissions")).ToContainTextAsync("overview report (document 12)");

        // Approved subject to two amendments: "amendments made" waits for both to be ticked.
        await tab.ChooseAsync("qa-outcome", "Approved subject to amendments");
        await page.Locator("#qa-points").FillAsync("Anonymise the GP practice.\nAdd the national recommendation.");
        await page.Locator("#record-qa").ClickAsync();
        await Stage(page).ToHaveTextAsync("Amendments after quality assurance");
        await Assertions.Expect(page.Locator("#amendments-made-reasons")).ToContainTextAsync("(2 still open)");
        await Assertions.Expect(page.Locator("#record-amendments-made")).ToBeDisabledAsync();
        await tab.AssertAccessibleAsync();

        await section.GetByLabel("1. Anonymise the GP practice.", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator("#amendments-made-reasons")).ToContainTextAsync("Tick the last QA feedback point");
        await section.GetByLabel("2. Add the national recommendation.", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator("#record-amendments-made")).ToBeEnabledAsync();
        await page.Locator("#record-amendments-made").ClickAsync();
        await Stage(page).ToHaveTextAsync("Publication");

        // Publication: an https address is required.
        await page.Locator("#publication-address").FillAsync("http://www.rutland.gov.uk/dardr");
        await page.Locator("#record-publication").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-form")).ToContainTextAsync("starting https://");
        await Stage(page).ToHaveTextAsync("Publication");
        await page.Locator("#publication-address").FillAsync("https://www.rutland.gov.uk/dardr/case-e");
        await page.Locator("#record-publication").ClickAsync();
        await Stage(page).ToHaveTextAsync("Action plan monitoring");
        var links = page.Locator("#publication-links li");
        await Assertions.Expect(links).ToHaveTextAsync(["Published report (https://www.rutland.gov.uk/dardr/case-e)"]);
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Action plan monitoring");
        await tab.AssertAccessibleAsync();

        // Also published on another council's website (issue 18): a label and an https address, each told beside its field.
        await page.Locator("#publication-link-url").FillAsync("http://www.leicester.gov.uk/dardr");
        await page.Locator("#add-publication-link").ClickAsync();
        await Assertions.Expect(page.Locator("#publication-link-form")).ToContainTextAsync("Say where the report is published");
        await Assertions.Expect(page.Locator("#publication-link-form")).ToContainTextAsync("starting https://");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await tab.AssertAccessibleAsync();
        await page.Locator("#publication-link-label").FillAsync("Leicester City Council");
        await page.Locator("#publication-link-url").FillAsync("https://www.leicester.gov.uk/dardr");
        await page.Locator("#add-publication-link").ClickAsync();
        await Assertions.Expect(links).ToContainTextAsync(["Published report (https://www.rutland.gov.uk/dardr/case-e)",
            "Leicester City Council (https://www.leicester.gov.uk/dardr)"]);

        // Removing one asks first; the last one stays.
        await links.First.GetByRole(AriaRole.Button, new() { Name = "Remove the address Published report" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(links).ToHaveTextAsync(["Leicester City Council (https://www.leicester.gov.uk/dardr)"]);
        await Assertions.Expect(page.Locator("#publication-links a")).ToHaveAttributeAsync("href", "https://www.leicester.gov.uk/dardr");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsAmendmentsAskedForAfterSignOff_SubmissionWaits_UntilTheyAreRecordedAsMade()
    {
        var id = await _portal.ReviewAtSignOffAsync(Today, signedOff: true);
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await Stage(page).ToHaveTextAsync("CRG sign-off");
        await Assertions.Expect(page.Locator("#submit-reasons")).ToHaveCountAsync(0);

        // Without saying what was asked: the message is beside the field and nothing is recorded.
        await page.Locator($"#open-{Trigger.RecordAmendmentsAfterSignOff}").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form-title")).ToHaveTextAsync("Record amendments asked for after sign-off");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Say what was asked to change, and by whom.");
        await tab.AssertAccessibleAsync();

        await page.Locator("#action-comment").FillAsync("The chair asked to correct the chronology on page 4.");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToHaveCountAsync(0);
        await Stage(page).ToHaveTextAsync("CRG sign-off");
        const string waits = "Amendments asked for after sign-off are not made yet: record that they are made first.";
        await Assertions.Expect(page.Locator("#submit-reasons")).ToContainTextAsync(waits);
        await Assertions.Expect(page.Locator($"#reasons-{Trigger.SubmitToHomeOffice}")).ToContainTextAsync(waits);
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The chair asked to correct the chronology on page 4.");
        await tab.AssertAccessibleAsync();

        await page.Locator($"#open-{Trigger.RecordSignOffAmendmentsMade}").ClickAsync();
        await Assertions.Expect(page.Locator("#action-date")).ToHaveValueAsync("23/11/2026");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#submit-reasons")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("are made: the report can be submitted.");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
