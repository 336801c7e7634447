using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Import;

namespace Portal.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { string.Join(",", ImportColumns.Required) }.Concat(rows))),
    };

    /// The required columns and those of a review led elsewhere ("Led by", "Taking part").
    private static FilePayload CsvWithElsewhere(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n",
            new[] { string.Join(",", [.. ImportColumns.Required, ImportColumns.LedBy, ImportColumns.TakingPart]) }.Concat(rows))),
    };

    [Fact]
    public async Task Officer_UploadsASheetWithErrors_SeesTheReport_FixesIt_AndFindsTheReviewsInTheRegister()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import reviews" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import existing reviews", Level = 1 })).ToBeVisibleAsync();
        await tab.WaitForInteractiveAsync();
        await tab.AssertAccessibleAsync();

        // Required columns: label, lead CSP, type, notifying agency, month of death, date notified, current stage.
        // A review led by an area outside the portal, on its own row ("Led by" filled in).
        const string ledElsewhere = "Adult Imp N,Northshire CSP,,,,01/09/2025,Review under way,Northshire,Rutland CSP";
        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(CsvWithElsewhere("tracker.csv",
            "Case Imp A 2025,Nowhere CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Notification received,,",
            "Case Imp B 2025,Rutland CSP,DARDR,Leicestershire Police,01/2025,31/02/2025,Notification received,,", ledElsewhere));
        await Assertions.Expect(page.Locator("#import-problems-summary")).ToContainTextAsync("2 problems");
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("\"Nowhere CSP\" is not a CSP your office serves");
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("\"31/02/2025\" is not a date");
        await tab.AssertAccessibleAsync();

        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(CsvWithElsewhere("tracker-fixed.csv",
            "Case Imp A 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Notification received,,",
            "Case Imp B 2025,Rutland CSP,DARDR,Leicestershire Police,01/2025,28/02/2025,Notification received,,", ledElsewhere));
        await Assertions.Expect(page.Locator("#import-ready")).ToContainTextAsync("3 reviews are ready to import");
        await page.Locator("#import-now").ClickAsync();
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("Imported 3 reviews (1 led elsewhere)");
        await Assertions.Expect(page.Locator("#imported-reviews")).ToContainTextAsync("Case Imp B 2025");
        await Assertions.Expect(page.Locator("#imported-elsewhere")).ToContainTextAsync("Adult Imp N");
        await tab.AssertAccessibleAsync();

        await tab.GotoAsync("reviews");
        await page.Locator("#register-search").FillAsync("Imp");
        await Assertions.Expect(page.GetByText("Case Imp A 2025")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Case Imp B 2025")).ToBeVisibleAsync();
        var elsewhere = page.Locator("#elsewhere-register tbody tr", new() { HasText = "Adult Imp N" });
        await Assertions.Expect(elsewhere).ToContainTextAsync("Led elsewhere");
        await Assertions.Expect(elsewhere).ToContainTextAsync("Review under way");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_ImportsACaseNotTakenToReview_AndAReviewHeldAndResumed_FixingAHoldThatEndedBeforeItBegan()
    {
        string[] headings = [.. ImportColumns.Required, ImportColumns.Presented, ImportColumns.Decision, ImportColumns.Outcome, ImportColumns.HomeOfficeNotified,
            ImportColumns.Closed, ImportColumns.HoldReason, ImportColumns.HeldSince, ImportColumns.HoldEnded, ImportColumns.LatestUpdate, ImportColumns.UpdateAsAt];
        // P: first presented in February 2025 (the month alone), decided, at commissioning with the Home Office's steps undated.
        FilePayload Sheet(string name, string heldSince, string presentedMonth) => new()
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n",
                string.Join(",", headings),
                "Case Imp N 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Closed,10/02/2025,24/02/2025,Criteria not met,03/03/2025,01/06/2025,,,,No review: the Home Office agreed.,02/06/2025",
                $"Case Imp R 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Decision notified to the Home Office,10/02/2025,24/02/2025,,,,Inquest,{heldSince},15/04/2025,,",
                $"Case Imp P 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Commissioning chair/author,{presentedMonth},24/02/2025,,,,,,,,")),
        };

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("reviews/import");
        await tab.WaitForInteractiveAsync();

        // Three problems: the hold, the month out of range, and so the decision without its first presentation.
        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(Sheet("tracker.csv", "01/05/2025", "13/2025"));
        await Assertions.Expect(page.Locator("#import-problems-summary")).ToContainTextAsync("3 problems");
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("Hold ended");
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("The hold ended (15 Apr 2025) on or before the day it started (1 May 2025)");
        var month = page.Locator("#import-problems tbody tr", new() { HasText = "13/2025" });
        await Assertions.Expect(month.Locator("td").Nth(1)).ToHaveTextAsync("First presented to CRG");
        await Assertions.Expect(month.Locator("td").Nth(2)).ToContainTextAsync("\"13/2025\" is not a date or a month");
        await tab.AssertAccessibleAsync();

        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(Sheet("tracker-fixed.csv", "01/03/2025", "Feb 2025"));
        await Assertions.Expect(page.Locator("#import-ready")).ToContainTextAsync("3 reviews are ready to import");
        await page.Locator("#import-now").ClickAsync();
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("Imported 3 reviews");

        // The month alone shows as that month; the Home Office's steps the sheet had no dates for say so.
        var month2025 = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.CaseLabel == "Case Imp P 2025").Select(r => r.Id).SingleAsync());
        await tab.GotoAsync($"reviews/{month2025}");
        await Assertions.Expect(page.Locator("#review-journal time", new() { HasText = "February 2025" })).ToHaveAttributeAsync("datetime", "2025-02");
        await Assertions.Expect(page.Locator("#review-journal .journal-date-not-recorded")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#review-journal .journal-date-not-recorded").First).ToHaveTextAsync("Date not recorded");
        await tab.AssertAccessibleAsync();

        var held = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.CaseLabel == "Case Imp R 2025").Select(r => r.Id).SingleAsync());
        await tab.GotoAsync($"reviews/{held}");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Resumed on 15 Apr 2025 after 45 days on hold.");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("1 Mar 2025");
        await tab.AssertAccessibleAsync();

        var closed = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.CaseLabel == "Case Imp N 2025").Select(r => r.Id).SingleAsync());
        await tab.GotoAsync($"reviews/{closed}");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("the Home Office accepted that no review is needed");
        await Assertions.Expect(page.Locator("#latest-update-when")).ToContainTextAsync("As at 2 Jun 2025");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_ImportsAReversedDecisionAndAStoppedReview_AfterFixingAStopWithoutItsReason_WithNothingSavedBefore()
    {
        string[] headings = [.. ImportColumns.Required, ImportColumns.Presented, ImportColumns.Decision, ImportColumns.Outcome, ImportColumns.Reversed,
            ImportColumns.ReversedOn, ImportColumns.AuthorAppointed, ImportColumns.FirstPanel, ImportColumns.Stopped, ImportColumns.StopReason];
        FilePayload Sheet(string name, string stopReason) => new()
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n",
                string.Join(",", headings),
                "Case Imp V 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Panel and report writing,10/02/25,24 Feb 2025,Criteria not met,Judicial review,01/09/2025,01/10/2025,05/11/2025,,",
                $"Case Imp S 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Closed,10/02/2025,24/02/2025,,,,01/04/2025,,01/09/2025,{stopReason}")),
        };
        var before = await _portal.WithDbAsync(db => db.Reviews.CountAsync());

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("reviews/import");
        await tab.WaitForInteractiveAsync();

        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(Sheet("tracker.csv", ""));
        await Assertions.Expect(page.Locator("#import-problems-summary")).ToContainTextAsync("1 problem. Nothing has been saved");
        var problem = page.Locator("#import-problems tbody tr");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("Stop reason");
        await Assertions.Expect(problem.Locator("td").Nth(2)).ToHaveTextAsync("The review was stopped: say why, and what the Home Office agreed, in \"Stop reason\".");
        await tab.AssertAccessibleAsync();
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Reviews.CountAsync()));

        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(Sheet("tracker-fixed.csv", "The Home Office agreed: the inquest covers it."));
        await Assertions.Expect(page.Locator("#import-ready")).ToContainTextAsync("2 reviews are ready to import");
        await page.Locator("#import-now").ClickAsync();
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("Imported 2 reviews");
        await Assertions.Expect(page.Locator("#imported-reviews")).ToContainTextAsync("Panel and report writing");
        await Assertions.Expect(page.Locator("#imported-reviews")).ToContainTextAsync("Closed");

        await page.Locator("#imported-reviews").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Case Imp V 2025").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The CRG reversed its decision of 24 Feb 2025");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("First panel meeting held (recorded in the office's tracker).");
        await tab.AssertAccessibleAsync();

        var stopped = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.CaseLabel == "Case Imp S 2025").Select(r => r.Id).SingleAsync());
        await tab.GotoAsync($"reviews/{stopped}");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Stopped with the Home Office's agreement of 1 Sep 2025.");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The Home Office agreed: the inquest covers it.");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_UploadsAMalformedWorkbook_SeesWhatToDo_AndTheNextFileIsRead()
    {
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("reviews/import");
        await tab.WaitForInteractiveAsync();

        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "tracker.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = HostileSheets.MalformedXml(),
        });
        await Assertions.Expect(page.Locator("#import-error")).ToHaveTextAsync(
            "The file could not be read as an Excel workbook (.xlsx): open it in Excel, save it as .xlsx and try again.");
        await Assertions.Expect(page.Locator("#choose-tracker")).ToBeEnabledAsync();
        await tab.AssertAccessibleAsync();

        // The page is not stuck: the next file is read as usual.
        await page.Locator("input.tracker-file-input").Last.SetInputFilesAsync(Csv("tracker.csv",
            "Case Imp M 2025,Rutland CSP,DHR,Leicestershire Police,01/2025,03/02/2025,Notification received"));
        await Assertions.Expect(page.Locator("#import-ready")).ToContainTextAsync("1 review is ready to import");
        await Assertions.Expect(page.Locator("#import-error")).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }
}
