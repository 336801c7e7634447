using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.ActionPlans;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 18 in Chromium: a board member opens the board report and reads its appendix of outstanding actions (by case
/// label and reference, owning agency, latest update, what changed since the previous board), then downloads the .docx,
/// which holds the same table and passes the Open XML validator. axe on the page.
[Collection(BrowserCollection.Name)]
public sealed class BoardActionsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task BoardMember_ReadsTheOutstandingActions_OnThePageAndInTheDocx()
    {
        var reviewId = await ActionPlanScenario.ReviewAtSignOffAsync(_portal);
        var actionId = await ActionPlanScenario.ActionAsync(_portal, reviewId, await ActionPlanScenario.RecommendationAsync(_portal, reviewId));
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var detail = (await _portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        Assert.True((await _portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, new DateOnly(2027, 4, 30), "Waiting for the new risk form.", ActionPlanScenario.Today(_portal)), detail.Version)).IsSuccess);
        var review = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.CaseLabel }).SingleAsync());
        var office = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.BoardMember);
        await tab.GotoAsync($"reports/board?org={office}");
        var appendix = tab.Page.Locator("#board-actions");
        var row = appendix.Locator("tr", new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { Name = $"{review.CaseLabel} ({review.Reference})" }) });
        await Expect(row).ToContainTextAsync("Leicestershire Police");
        await Expect(row).ToContainTextAsync("30 Apr 2027");
        await Expect(row).ToContainTextAsync("Due date moved from 21 Feb 2027 to 30 Apr 2027: Waiting for the new risk form.");
        await Expect(tab.Page.Locator("#board-actions-help")).ToContainTextAsync("the time since the previous board");
        Assert.DoesNotContain("Priya", await appendix.InnerTextAsync(), StringComparison.Ordinal);
        await tab.AssertAccessibleAsync();

        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#board-docx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            await using (var file = File.OpenRead(path))
            {
                var table = BoardReportDocx.ReadTables(file).Single(t => t[0][0] == "Review or source" && t[0][1] == "Owner");
                var cells = table.Single(r => r[0] == $"{review.CaseLabel} ({review.Reference})");
                Assert.Equal(["Leicestershire Police", "R1.1"], cells.Skip(1).Take(2));
                Assert.Contains("Waiting for the new risk form.", cells[^1], StringComparison.Ordinal);
            }

            using var docx = WordprocessingDocument.Open(path, false);
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Empty(tab.ConsoleErrors);
    }
}
