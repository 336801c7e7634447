using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The need-to-know matrix through the pages: each role opens the same lead-office review by its address.
[Collection(BrowserCollection.Name)]
public sealed class NeedToKnowPageTests(BrowserFixture browser, NeedToKnowPageTests.Server server) : IClassFixture<NeedToKnowPageTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(kestrel: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    public enum Sees
    {
        Refused,
        Details,
        DetailsAndNames,
    }

    [Theory]
    [InlineData(DemoAccounts.LrOfficer, Sees.DetailsAndNames)]
    [InlineData(DemoAccounts.LrManager, Sees.DetailsAndNames)]
    [InlineData(DemoAccounts.Dpo, Sees.DetailsAndNames)]
    [InlineData(DemoAccounts.KentOfficer, Sees.Refused)]
    [InlineData(DemoAccounts.Author, Sees.Refused)]
    [InlineData(DemoAccounts.AgencyContact, Sees.Refused)]
    [InlineData(DemoAccounts.CrgMember, Sees.Refused)]
    [InlineData(DemoAccounts.BoardMember, Sees.Refused)]
    [InlineData(DemoAccounts.Admin, Sees.Refused)]
    public async Task ReviewPage_ByRole(string account, Sees expected)
    {
        var review = await server.Portal.WithDbAsync(db =>
            db.Reviews.Where(r => r.Reference.StartsWith("LR-") && !r.InvolvedCsps.Any() && !r.Participants.Any()).OrderBy(r => r.Id).FirstAsync());
        await using var tab = await PortalPage.OpenAsync(browser, server.Portal);
        await tab.SignInAsync(account);
        await tab.GotoAsync($"reviews/{review.Id}");

        if (expected == Sees.Refused)
        {
            await Assertions.Expect(tab.Page.Locator("#no-access")).ToBeVisibleAsync();
            await Assertions.Expect(tab.Page.GetByText(review.CaseLabel)).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = review.CaseLabel, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(tab.Page.Locator("#restricted-details")).ToHaveCountAsync(expected == Sees.DetailsAndNames ? 1 : 0);
        }

        if (expected != Sees.DetailsAndNames)
        {
            Assert.DoesNotContain("Demo Person", await tab.Page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    /// A board member asks for another office's board report by its address: refused on the page (and audited), no
    /// case of that office shown; the choice of reports lists their own office and its CSPs only.
    [Fact]
    public async Task BoardReport_OfAnotherOffice_IsRefusedToABoardMember()
    {
        var kent = await server.Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "KT").Select(o => o.Id).SingleAsync());
        var kentLabels = await server.Portal.WithDbAsync(db => db.Reviews.Where(r => r.LeadOfficeId == kent).Select(r => r.CaseLabel).ToListAsync());
        await using var tab = await PortalPage.OpenAsync(browser, server.Portal);
        await tab.SignInAsync(DemoAccounts.BoardMember);

        await tab.GotoAsync($"reports/board?org={kent}");
        await Assertions.Expect(tab.Page.Locator("#no-access")).ToBeVisibleAsync();
        var content = await tab.Page.ContentAsync();
        Assert.All(kentLabels, label => Assert.DoesNotContain(label, content, StringComparison.Ordinal));
        await tab.AssertAccessibleAsync();
        Assert.True(await server.Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.BoardMember
            && a.Action == Domain.Audit.AuditAction.Refused && a.Subject == "Board report" && a.SubjectId == kent.ToString())));

        await tab.GotoAsync("reports/board");
        await tab.Page.Locator("div.mud-select:has(#board-scope)").Last.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Option, new() { Name = "Rutland CSP", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Option, new() { Name = "Dover CSP", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Option, new() { Name = "Kent Community Safety Team (all its CSPs)", Exact = true })).ToHaveCountAsync(0);
    }
}
