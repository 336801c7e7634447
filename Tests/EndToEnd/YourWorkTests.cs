using Domain.Access;
using Domain.Calendar;
using Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Authors;
using Workflows.Data;
using Workflows.Crg;
using Workflows.Requests;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// The home page's "Your work" for each demo role: sign in, see your item, click it, land on the form that does it.
/// axe on each home page and each form.
[Collection(BrowserCollection.Name)]
public sealed class YourWorkTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private async Task<PortalPage> HomeAsync(string who)
    {
        var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(who);
        await tab.GotoAsync("");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        return tab;
    }

    [Fact]
    public async Task OfficerAndManager_SeeTheirTasksWithDueDates_TheOfficerClicksOne_AndLandsOnItsForm()
    {
        await using var officer = await HomeAsync(DemoAccounts.LrOfficer);
        var page = officer.Page;
        var tasks = page.Locator("#your-tasks li");
        await Expect(tasks.First).ToBeVisibleAsync();
        await Expect(tasks.First.Locator("[data-due-text]")).ToContainTextAsync("Due ");
        await Expect(page.Locator("#team-queue-line")).ToContainTextAsync("team queue");
        await officer.ScreenshotAsync("home-officer");
        await AssertCleanAsync(officer);

        // A task whose form is on the review page (others lead to their own pages, e.g. commissioning).
        var link = tasks.Locator("[data-task-link][href$='#process-panel']").First;
        var href = await link.GetAttributeAsync("href");
        Assert.Matches(@"^reviews/\d+(\?do=\w+)?#process-panel$", href);
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        await Expect(page.Locator("#process-panel")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);

        // The demo's manager took over the review of a hold: it is theirs, with their note.
        await using var manager = await HomeAsync(DemoAccounts.LrManager);
        await Expect(manager.Page.Locator("#your-tasks li").Filter(new() { HasText = "Review the hold" })).ToHaveCountAsync(1);
        await Expect(manager.Page.Locator("#your-tasks-empty")).ToHaveCountAsync(0);
        await AssertCleanAsync(manager);
    }

    [Fact]
    public async Task AuthorAndAgencyContact_SeeTheirOwnItem_AndItsForm_NotEachOthers()
    {
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var author = await _portal.ActorAsync(DemoAccounts.Author);
        var commissioning = await _portal.CommissioningReviewAsync(Today.AddDays(-20));
        var eoi = await _portal.Get<SendEoiHandler>().HandleAsync(officer,
            new SendEoi(commissioning, "Death of a woman in her thirties; former partner.", Today.AddDays(9), [author.UserId]));
        Assert.True(eoi.IsSuccess, eoi.Error?.Message);
        var requested = await _portal.RegisterReviewAsync(Today.AddDays(-4));
        var contact = await _portal.ActorAsync(DemoAccounts.AgencyContact);
        var sent = await _portal.Get<SendInformationRequestsHandler>().HandleAsync(officer,
            new SendInformationRequests(requested, RequestType.Scoping, [contact.UserId], Today.AddDays(21), TestRequests.Scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var (eoiReference, requestReference) = await _portal.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == commissioning).Select(r => r.Reference).SingleAsync(),
            await db.Reviews.Where(r => r.Id == requested).Select(r => r.Reference).SingleAsync()));

        await using var writer = await HomeAsync(DemoAccounts.Author);
        var reply = writer.Page.Locator("#your-tasks li").Filter(new() { HasText = eoiReference });
        await Expect(reply.Locator("[data-due-text]")).ToHaveTextAsync($"Due {UkDate.Format(Today.AddDays(9))}: in 9 days");
        await Expect(writer.Page.Locator("#your-tasks")).Not.ToContainTextAsync(requestReference);
        await Expect(writer.Page.Locator("#your-drafts")).ToBeVisibleAsync();
        await AssertCleanAsync(writer);
        await reply.Locator("[data-task-link]").ClickAsync();
        await writer.Page.WaitForURLAsync(url => url.EndsWith($"eoi/{eoi.Value}", StringComparison.Ordinal));
        await Expect(writer.Page.Locator("#reply-form")).ToBeVisibleAsync();
        await AssertCleanAsync(writer);

        await using var agency = await HomeAsync(DemoAccounts.AgencyContact);
        var request = agency.Page.Locator("#your-tasks li").Filter(new() { HasText = requestReference });
        await Expect(request.Locator("[data-task-link]")).ToHaveTextAsync("Return the Scoping information (Leicestershire Police)");
        await Expect(request.Locator("[data-due-text]")).ToHaveTextAsync($"Due {UkDate.Format(Today.AddDays(21))}: in 21 days");
        await Expect(agency.Page.Locator("#your-tasks")).Not.ToContainTextAsync(eoiReference);
        await AssertCleanAsync(agency);
        await request.Locator("[data-task-link]").ClickAsync();
        await agency.Page.WaitForURLAsync(url => url.EndsWith($"requests/{sent.Value.RequestIds.Single()}", StringComparison.Ordinal));
        await agency.WaitForInteractiveAsync();
        await Expect(agency.Page.Locator("#return-form")).ToBeVisibleAsync();
        await AssertCleanAsync(agency);
    }

    [Fact]
    public async Task CrgMemberAndBoardMember_SeeTheirPapersAndReports_AndOpenThem()
    {
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var lr = officer.OfficeIds.Single();

        // Before any papers are shared with them, a CRG member is told so: one of the Kent office, which has no meeting in the
        // demo (the LR office's CRG members have the papers of its next meeting).
        var kent = (await _portal.ActorAsync(DemoAccounts.KentOfficer)).OfficeIds.Single();
        var newMember = $"crg.{Guid.NewGuid():N}@kent.example.org";
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = newMember, Email = newMember, EmailConfirmed = true, DisplayName = "Casey Crg" };
            Assert.True((await users.CreateAsync(user, _portal.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.CrgMember)).Succeeded);
            await _portal.WithDbAsync(async db =>
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = kent });
                return await db.SaveChangesAsync();
            });
        }

        await using (var early = await HomeAsync(newMember))
        {
            await Expect(early.Page.Locator("#your-papers-empty")).ToHaveTextAsync("No papers are shared with you for a meeting to come.");
            await Expect(early.Page.Locator("#your-tasks")).ToHaveCountAsync(0);
            await AssertCleanAsync(early);
        }

        var meeting = (await _portal.Get<CreateCrgMeetingHandler>().HandleAsync(officer, lr, Today.AddDays(12), "10:00", "Committee Room 2, City Hall")).Value;
        Assert.True((await _portal.Get<ChangeAgendaHandler>().AddAsync(officer, meeting, await _portal.RegisterReviewAsync(Today.AddDays(-6)))).IsSuccess);
        Assert.True((await _portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);

        await using var crg = await HomeAsync(DemoAccounts.CrgMember);
        var papers = crg.Page.Locator("#your-papers li").Filter(new() { HasText = UkDate.Format(Today.AddDays(12)) });
        await Expect(papers).ToContainTextAsync("on the agenda");
        await AssertCleanAsync(crg);
        await papers.Locator("[data-task-link]").ClickAsync();
        await Expect(crg.Page.GetByRole(AriaRole.Heading, new() { Name = $"CRG meeting, {UkDate.Format(Today.AddDays(12))}", Level = 1 })).ToBeVisibleAsync();
        await AssertCleanAsync(crg);

        await using var board = await HomeAsync(DemoAccounts.BoardMember);
        await Expect(board.Page.Locator("#your-tasks")).ToHaveCountAsync(0);
        await Expect(board.Page.Locator("#your-papers")).ToHaveCountAsync(0);
        await AssertCleanAsync(board);
        await board.Page.Locator("#your-reports").GetByRole(AriaRole.Link, new() { Name = "Board report" }).ClickAsync();
        await board.Page.WaitForURLAsync(url => url.EndsWith("reports/board", StringComparison.Ordinal));
        await Expect(board.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Board report");
        await AssertCleanAsync(board);
    }
}
