using System.Globalization;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Commissioning as people do it: an officer sends an expression of interest, the demo author signs in and answers
/// it, and the officer appoints them; every page is checked with axe.
[Collection(BrowserCollection.Name)]
public sealed class AuthorsCommissioningTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private Task<int> CommissioningReviewAsync() => _portal.CommissioningReviewAsync(Today.AddDays(-20));

    [Fact]
    public async Task Officer_SendsAnEoi_AuthorAnswersIt_OfficerAppointsThem()
    {
        var id = await CommissioningReviewAsync();
        var closes = Today.AddDays(14);

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        var page = officer.Page;
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync("authors");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Independent authors", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#author-directory").GetByText("Alex Author")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);

        await officer.GotoAsync($"reviews/{id}/commissioning");
        await Assertions.Expect(page.Locator("#no-eois")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        await page.Locator("#send-eoi").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send an expression of interest", Level = 1 })).ToBeVisibleAsync();
        await officer.WaitForInteractiveAsync();
        await page.Locator("#eoi-summary").FillAsync("A woman in her thirties died at home; her former partner is charged. Children lived in the household.");
        await page.Locator("#eoi-closes").FillAsync(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#eoi-closes").PressAsync("Tab");
        await page.GetByLabel("Alex Author", new() { Exact = false }).CheckAsync();
        await AssertCleanAsync(officer);
        await page.Locator("#eoi-send").ClickAsync();
        // Today is not after today: the message says so, beside the field.
        await Assertions.Expect(page.GetByText("The closing date must be after today")).ToBeVisibleAsync();
        await page.Locator("#eoi-closes").FillAsync(closes.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#eoi-closes").PressAsync("Tab");
        await page.Locator("#eoi-send").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"reviews/{id}/commissioning", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".eoi-replies")).ToContainTextAsync("No reply yet");

        await using var author = await PortalPage.OpenAsync(browser, _portal);
        var authorPage = author.Page;
        await author.SignInAsync(DemoAccounts.Author);
        await author.GotoAsync("my-reviews");
        await Assertions.Expect(authorPage.GetByRole(AriaRole.Heading, new() { Name = "My reviews", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(authorPage.Locator("#my-eois")).ToContainTextAsync("Reply needed");
        await AssertCleanAsync(author);
        await authorPage.Locator("#my-eois a").First.ClickAsync();
        await Assertions.Expect(authorPage.Locator("#eoi-summary-text")).ToContainTextAsync("former partner is charged");
        // The expression of interest says which office commissions the review.
        await Assertions.Expect(authorPage.Locator("#eoi-from")).ToContainTextAsync("From Leicestershire & Rutland Safeguarding Partnerships Business Office, for review LR-");
        await author.WaitForInteractiveAsync();
        await AssertCleanAsync(author);
        await authorPage.GetByText("I am interested").ClickAsync();
        await authorPage.Locator("#reply-availability").FillAsync("From January, two days a week");
        await authorPage.Locator("#reply-quote").FillAsync("twelve grand");
        await authorPage.Locator("#reply-send").ClickAsync();
        await Assertions.Expect(authorPage.GetByText("is not an amount of money")).ToBeVisibleAsync();
        await authorPage.Locator("#reply-quote").FillAsync("£12,500");
        await authorPage.Locator("#reply-send").ClickAsync();
        await Assertions.Expect(authorPage.Locator("#reply-saved")).ToBeVisibleAsync();
        await AssertCleanAsync(author);

        await officer.GotoAsync($"reviews/{id}/commissioning");
        await Assertions.Expect(page.Locator(".eoi-replies")).ToContainTextAsync("£12,500");
        // The officer chooses the reply: it fills the form (the person and their quote), and focus moves to the form.
        await officer.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this reply: Alex Author" }).ClickAsync();
        await Assertions.Expect(page.Locator("#appoint-filled")).ToHaveTextAsync("Filled from Alex Author's reply: check the fee and the date, then appoint.");
        await Assertions.Expect(page.Locator("#appoint-title")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("div.mud-select:has(#appoint-chair) input[role=combobox]").Last).ToHaveValueAsync("Alex Author");
        await Assertions.Expect(page.Locator("#appoint-chair-fee")).ToHaveValueAsync("12500");
        await AssertCleanAsync(officer);
        await page.Locator("#appoint-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#commissioning-message")).ToContainTextAsync("Appointed");
        await Assertions.Expect(page.Locator("#appointments")).ToContainTextAsync("Chair and author");
        await Assertions.Expect(page.Locator("#appointments")).ToContainTextAsync("£12,500");
        await AssertCleanAsync(officer);
        // The author is told by email: the reference and a link to the review, no case label or names.
        var reference = await _portal.WithDbAsync(db => Task.FromResult(db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).Single()));
        var told = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReviewId == id && m.Reason == Workflows.Authors.AppointAuthorHandler.EmailReason)
            .Select(m => new { m.RecipientAddress, m.Subject, m.TextBody }).ToListAsync());
        var mail = Assert.Single(told);
        Assert.Equal((DemoAccounts.Author, $"You are appointed to review {reference}"), (mail.RecipientAddress, mail.Subject));
        Assert.Contains($"/reviews/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Author", mail.TextBody, StringComparison.Ordinal);

        // The author now has the case among their reviews and can open it.
        await author.GotoAsync("my-reviews");
        await authorPage.Locator("#my-appointments").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(authorPage.Locator("#restricted-details")).ToBeVisibleAsync();
        await AssertCleanAsync(author);
    }
}
