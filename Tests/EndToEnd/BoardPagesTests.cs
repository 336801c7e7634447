using System.Globalization;
using System.Text.RegularExpressions;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Themes;

namespace Portal.EndToEnd.Tests;

/// Board members read the board report and the learning page (never a case); officers tag themes and add case updates.
[Collection(BrowserCollection.Name)]
public sealed class BoardPagesTests(BrowserFixture browser, BoardPagesTests.Server server) : IClassFixture<BoardPagesTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(kestrel: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    private PortalFactory Portal => server.Portal;

    private Task<Review> LrReviewAsync() => Portal.WithDbAsync(db =>
        db.Reviews.Where(r => r.Reference.StartsWith("LR-") && r.Stage != Stage.Closed).OrderBy(r => r.Id).FirstAsync());

    [Fact]
    public async Task BoardMember_OpensTheReportAndLearning_DownloadsTheDocx_AndCannotOpenACase()
    {
        var review = await LrReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<ReviewThemesHandler>().SetThemesAsync(officer, review.Id, [1, 9])).IsSuccess);
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());

        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Board report" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Board report: reviews in progress", Level = 1 })).ToBeVisibleAsync();
        await tab.GotoAsync($"reports/board?org={office}");
        var table = tab.Page.Locator("#board-in-progress");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("thead th").Nth(1)).ToHaveTextAsync("Referral awaiting decision");
        await Assertions.Expect(tab.Page.Locator("#board-timeliness")).ToBeVisibleAsync();
        Assert.DoesNotContain(review.Summary, await tab.Page.ContentAsync(), StringComparison.Ordinal);
        await tab.AssertAccessibleAsync();
        // Body rows and the totals row.
        var pageRows = await table.Locator("tbody tr, tfoot tr").CountAsync();

        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#board-docx").ClickAsync());
        // Named by the office and the date, never by an internal id.
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        Assert.Equal($"board-report-leicestershire-rutland-safeguarding-partnerships-business-office-{today:yyyy-MM-dd}.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        await using (var file = File.OpenRead(path))
        {
            var tables = BoardReportDocx.ReadTables(file);
            Assert.Equal("First presented to the CRG", tables[0][0][0]);
            Assert.Equal(pageRows, tables[0].Count - 1);
            Assert.Equal(await table.Locator("tbody tr").First.Locator("th").InnerTextAsync(), tables[0][1][0]);
        }

        File.Delete(path);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Exported)));

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Themes and learning" }).ClickAsync();
        await tab.WaitForInteractiveAsync();
        var counts = tab.Page.Locator("#learning-counts");
        await Assertions.Expect(counts).ToBeVisibleAsync();
        await Assertions.Expect(counts.Locator("tr", new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Coercive control", Exact = true }) })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#learning-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Recommendations to the same agency that recur", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Themes that recur after actions were signed off", Level = 2 })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await tab.GotoAsync($"reviews/{review.Id}");
        await Assertions.Expect(tab.Page.Locator("#no-access")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText(review.CaseLabel)).ToHaveCountAsync(0);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Refused && a.SubjectId == review.Id.ToString())));
        Assert.Empty(tab.ConsoleErrors);
    }

    /// "As at" settles on the date chosen, typed or picked (it used to flip between that date and today twice a second,
    /// auditing each flip); each date chosen is one audited view. Another office's CSP, page or .docx: refused and audited.
    [Fact]
    public async Task BoardMember_ChoosesAPastAsAtDate_TypedOrPicked_TheReportSettles_AndEachIsAuditedOnce()
    {
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var dover = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Dover CSP").Select(o => o.Id).SingleAsync());
        var today = London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var typed = new DateOnly(today.Year, today.Month, 10).AddMonths(-3);
        var picked = typed.AddDays(10);

        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.GotoAsync($"reports/board?org={office}");
        var title = page.Locator("#report-title");
        await Assertions.Expect(title).ToContainTextAsync($"as at {Uk(today)}");

        await page.Locator("#board-as-of").FillAsync(typed.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#board-as-of").PressAsync("Tab");
        await SettlesAsync(tab, typed);

        // Picked from the calendar: it opens on the month shown, and a day is clicked.
        await page.Locator("div.mud-picker:has(#board-as-of) button.mud-input-adornment-icon-button, div.mud-picker:has(#board-as-of) .mud-input-adornment button").First.ClickAsync();
        await page.Locator(".mud-picker-calendar-day:not(.mud-hidden)", new() { HasTextString = picked.Day.ToString(CultureInfo.InvariantCulture) })
            .Filter(new() { HasTextRegex = new Regex($"^{picked.Day}$") }).First.ClickAsync();
        await SettlesAsync(tab, picked);
        await tab.AssertAccessibleAsync();

        var viewed = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Viewed
            && a.Subject == "Board report" && (a.Detail!.EndsWith(typed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) || a.Detail!.EndsWith(picked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .Select(a => a.Detail).ToListAsync());
        Assert.Equal(["board report viewed as at " + typed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "board report viewed as at " + picked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            viewed.Order(StringComparer.Ordinal));

        // A CSP served by another office: the page and the .docx are refused, and both refusals audited.
        await tab.GotoAsync($"reports/board?org={dover}&asOf={typed:yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("#no-access")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#board-in-progress")).ToHaveCountAsync(0);
        var docx = await page.APIRequest.GetAsync($"reports/board.docx?org={dover}&asOf={typed:yyyy-MM-dd}", new() { MaxRedirects = 0 });
        Assert.Equal(302, docx.Status);
        Assert.Contains("/Account/AccessDenied", docx.Headers["location"], StringComparison.Ordinal);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == DemoAccounts.BoardMember
            && a.Action == AuditAction.Refused && a.Subject == "Board report" && a.SubjectId == dover.ToString(CultureInfo.InvariantCulture))));
        Assert.Empty(tab.ConsoleErrors);
    }

    /// The summary figures follow the "As at" date typed: one review of a new CSP, notified 3 Mar 2025 and decided on
    /// 31 Mar 2025 (28 days, on time), counts as awaiting its decision as at 15 Mar and as a full review as at 31 Mar.
    [Fact]
    public async Task BoardMember_TypesAPastAsAtDate_AndSeesTheSummaryFiguresAsAtIt()
    {
        var cspName = $"E2E Summary CSP {Guid.NewGuid():N}"[..26];
        var csp = await Portal.WithDbAsync(async db =>
        {
            var office = await db.Organisations.SingleAsync(o => o.Code == "LR");
            var org = new Domain.Organisations.Organisation { Name = cspName, Kind = Domain.Organisations.OrganisationKind.Csp, ServingOfficeId = office.Id };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        var id = await Portal.RegisterReviewAsync(new DateOnly(2025, 3, 3), cspName);
        await Portal.FireOkAsync(id, new Workflows.Process.PresentToCrgArgs { Date = new DateOnly(2025, 3, 10) });
        await Portal.FireOkAsync(id, new Workflows.Process.RecordCriteriaMetArgs { Comment = "Criteria met.", Date = new DateOnly(2025, 3, 31) });

        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.GotoAsync($"reports/board?org={csp}");
        var summary = page.Locator("#board-summary");
        var years = page.Locator("#board-summary-years");
        ILocator Figure(string name) =>
            summary.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) }).Locator("td");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Summary since 13 April 2011", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(Figure("Reviews notified")).ToHaveTextAsync("1");

        await page.Locator("#board-as-of").FillAsync("15/03/2025");
        await page.Locator("#board-as-of").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync("as at 15 Mar 2025");
        await Assertions.Expect(Figure("Awaiting a decision")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure("Full reviews")).ToHaveTextAsync("0");
        // One financial year, with no step ended in it: it says so, not 0%.
        await Assertions.Expect(years.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(years.Locator("tbody tr th")).ToHaveTextAsync("2024-25 (Apr 2024 to Mar 2025)");
        await Assertions.Expect(years.Locator("tbody tr td").First).ToHaveTextAsync(Workflows.Reports.BoardReportText.NoCase);

        await page.Locator("#board-as-of").FillAsync("31/03/2025");
        await page.Locator("#board-as-of").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync("as at 31 Mar 2025");
        await Assertions.Expect(Figure("Full reviews")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure("Ongoing")).ToHaveTextAsync("1");
        await Assertions.Expect(years.Locator("tbody tr td").First).ToHaveTextAsync("1 of 1 on time (100%), median 28 days");
        await Assertions.Expect(page.Locator("#board-summary-help")).ToContainTextAsync("Alternative reviews: a learning review agreed instead of a full one");
        // Every step passed so far has its date: the "Not recorded" split by year says so.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not recorded, by financial year", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Workflows.Reports.BoardReportText.SummaryNotRecordedEmpty)).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static string Uk(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// The page shows the date chosen and keeps showing it: watched for three seconds (the loop flipped twice a second).
    private async Task SettlesAsync(PortalPage tab, DateOnly date)
    {
        var title = tab.Page.Locator("#report-title");
        await Assertions.Expect(title).ToContainTextAsync($"as at {Uk(date)}");
        await Assertions.Expect(tab.Page).ToHaveURLAsync(new Regex($"asOf={date:yyyy-MM-dd}"));
        var field = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(500);
            Assert.Contains($"as at {Uk(date)}", await title.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(field, await tab.Page.Locator("#board-as-of").InputValueAsync());
        }

        var detail = $"board report viewed as at {date:yyyy-MM-dd}";
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == DemoAccounts.BoardMember && a.Detail == detail)));
    }

    [Fact]
    public async Task Officer_TagsAReviewWithThemes_AndAddsACaseUpdate()
    {
        var review = await LrReviewAsync();
        await using var tab = await PortalPage.OpenAsync(browser, Portal);
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{review.Id}");

        await tab.Page.Locator("#edit-themes").ClickAsync();
        await tab.Page.GetByLabel("Stalking", new() { Exact = true }).CheckAsync();
        await tab.Page.GetByLabel("MARAC", new() { Exact = true }).CheckAsync();
        await tab.Page.Locator("#save-themes").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#themes-tagged")).ToContainTextAsync("Stalking");
        await Assertions.Expect(tab.Page.Locator("#themes-tagged")).ToContainTextAsync("MARAC");

        await tab.Page.Locator("#add-update").ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("Write the update: where the review stands now.")).ToBeVisibleAsync();
        await tab.Page.GetByLabel("New update").FillAsync("Inquest listed for March");
        await tab.Page.Locator("#add-update").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#latest-update")).ToHaveTextAsync("Inquest listed for March");
        await tab.AssertAccessibleAsync();

        var tagged = await Portal.WithDbAsync(db => db.ReviewThemes.Where(t => t.ReviewId == review.Id).Select(t => t.ThemeId).ToListAsync());
        Assert.Contains(3, tagged);
        Assert.Contains(14, tagged);
        Assert.Empty(tab.ConsoleErrors);
    }
}
