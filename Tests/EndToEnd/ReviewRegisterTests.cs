using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewRegisterTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_RegistersANotification_FindsItInTheRegister_AndOpensIt()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("reviews/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        // Saving with the month of death after the notification date is refused with a clear message, and nothing is lost.
        await tab.ChooseAsync("notifying-agency", "Leicestershire Police");
        await page.Locator("#date-notified").FillAsync("02/10/2026");
        await page.Locator("#date-notified").PressAsync("Tab");
        await tab.ChooseAsync("death-month", "November");
        await page.Locator("#death-year").FillAsync("2026");
        await tab.ChooseAsync("lead-csp", "Rutland CSP");
        var label = await page.Locator("#case-label").InputValueAsync();
        Assert.Matches(@"^Case [A-Z]+ 2026$", label);
        await page.Locator("#summary").FillAsync("Death of a woman at home; partner arrested.");
        await page.Locator("#deceased-names").FillAsync("Jane Testperson");
        await page.Locator("#save-notification").ClickAsync();
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("cannot be notified before the month in which it happened");
        await Assertions.Expect(page.Locator("#summary")).ToHaveValueAsync("Death of a woman at home; partner arrested.");
        await tab.AssertAccessibleAsync();

        await tab.ChooseAsync("death-month", "September");
        await page.Locator("#save-notification").ClickAsync();

        // Blazor navigates within the page: wait for the review's heading (a failure then shows what the page says),
        // then check the address.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reviews/\d+\?registered=true$"));
        await Assertions.Expect(page.Locator("#restricted-details")).ToContainTextAsync("Jane Testperson");
        await Assertions.Expect(page.Locator("#review-history")).ToContainTextAsync("Created");
        var reference = (await page.Locator(".mud-chip").First.InnerTextAsync()).Trim();
        Assert.Matches(@"^LR-2026-\d{3}$", reference);
        // The page it lands on says it is registered, in words a screen reader announces.
        await Assertions.Expect(page.Locator("#review-registered[role=status]")).ToHaveTextAsync($"Notification registered: {reference}");
        await Assertions.Expect(page.Locator("#review-details")).ToContainTextAsync("2 Oct 2026");
        await Assertions.Expect(page.Locator("#review-details")).ToContainTextAsync("September 2026");
        await tab.AssertAccessibleAsync();

        await tab.GotoAsync("reviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review register", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#register-search").FillAsync(reference.ToLowerInvariant());
        var link = page.Locator("#review-register").GetByRole(AriaRole.Link, new() { Name = reference });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#review-register tbody tr")).ToHaveCountAsync(1);
        await tab.AssertAccessibleAsync();
        await link.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#review-registered")).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);

        // One view recorded per visit (not again for the prerender), for the review and for its restricted "findings and
        // conduct" section, which the lead office's officer reads (each subject audited on its own).
        var views = await _portal.WithDbAsync(db => db.AuditEvents.Where(a => a.CaseReference == reference && a.Action == AuditAction.Viewed)
            .GroupBy(a => a.Subject).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(new Dictionary<string, int> { ["Review"] = 2, [Workflows.Conduct.ConductAccess.Subject] = 2 }, views);
    }

    [Fact]
    public async Task Register_FiltersByTypeAndShowsUkDates()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.KentOfficer);
        await tab.GotoAsync("reviews");
        await tab.ChooseAsync("filter-type", "DHR");
        var rows = tab.Page.Locator("#review-register tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Ashford CSP");
        await Assertions.Expect(rows.First).ToContainTextAsync("22 Apr 2024");
    }

    [Fact]
    public async Task Officer_ExportsTheFilteredRegister_AsCsv_AndTheExportIsAudited()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.KentOfficer);
        await tab.GotoAsync("reviews");
        await tab.ChooseAsync("filter-type", "DHR");
        await Assertions.Expect(tab.Page.Locator("#review-register tbody tr")).ToHaveCountAsync(1);

        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#export-register").ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);

        Assert.Equal("review-register.csv", download.SuggestedFilename);
        Assert.Equal("Reference,Case label,Type,Lead CSP,Stage,Date notified", lines[0].TrimStart('\uFEFF'));
        var row = Assert.Single(lines.Skip(1));
        var stage = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Reference == "KT-2024-001").Select(r => r.Stage).SingleAsync());
        Assert.StartsWith("KT-2024-001,", row, StringComparison.Ordinal);
        Assert.Contains($",DHR,Ashford CSP,{Domain.Reviews.StageNames.Describe(stage)},22 Apr 2024", row, StringComparison.Ordinal);
        var officer = await _portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == officer.UserId && a.Action == AuditAction.Exported)));
    }

    [Fact]
    public async Task AgencyContact_OpeningAReviewByItsAddress_IsRefused_AndTheRefusalIsAudited()
    {
        var reviewId = await _portal.WithDbAsync(db => db.Reviews.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.AgencyContact);
        await tab.GotoAsync($"reviews/{reviewId}");

        await Assertions.Expect(tab.Page.Locator("#no-access")).ToContainTextAsync("This attempt has been recorded");
        await Assertions.Expect(tab.Page.Locator("#restricted-details")).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        var contact = await _portal.ActorAsync(DemoAccounts.AgencyContact);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.UserId == contact.UserId && a.Action == AuditAction.Refused && a.ReviewId == reviewId)));

        // The register itself is not offered to an agency contact either, and asking for it is recorded.
        await tab.Page.GotoAsync("reviews");
        await tab.Page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.UserId == contact.UserId && a.Action == AuditAction.Refused && a.Subject == "Page" && a.Detail == "open /reviews")));
    }

    [Fact]
    public async Task DataProtectionOfficer_SearchesTheAuditTrail_ByCaseReference()
    {
        var reference = await _portal.WithDbAsync(db => db.Reviews.OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.Dpo);
        await tab.GotoAsync("audit");
        await tab.Page.Locator("#audit-reference").FillAsync(reference);
        await tab.ChooseAsync("audit-action", "Created");
        await tab.Page.Locator("#audit-search").ClickAsync();
        var rows = tab.Page.Locator("#audit-grid tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("Registered notification");
        await Assertions.Expect(rows.First).ToContainTextAsync(reference);
        await tab.AssertAccessibleAsync();
    }
}
