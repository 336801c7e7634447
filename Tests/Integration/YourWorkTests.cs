using Domain.Access;
using Domain.Calendar;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Authors;
using Workflows.Crg;
using Workflows.Home;
using Workflows.Process;
using Workflows.Requests;
using Workflows.WorkItems;

namespace Portal.Integration.Tests;

/// The home page's "Your work" per role: each sees what needs them next, linked to its form, and nobody else's.
public abstract class YourWorkTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private YourWorkQuery Query => Portal.Get<YourWorkQuery>();

    private async Task<YourWork> HomeOfAsync(string who) => await Query.HandleAsync(await Portal.ActorAsync(who));

    /// A new officer of the LR office, with nothing of the demo's assigned to them.
    private async Task<Actor> NewLrOfficerAsync()
    {
        var email = $"home.{Guid.NewGuid():N}@lr.example.org";
        var lrOffice = (await Portal.ActorAsync(DemoAccounts.LrOfficer)).OfficeIds.Single();
        var created = await Portal.Get<CreateUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Hana Home", email, "Home-Officer-2026!", new UserAccess([Role.ReviewOfficer], [lrOffice], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return await Portal.ActorAsync(email);
    }

    private async Task<long> TaskOfAsync(int reviewId) =>
        await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Open).Select(w => w.Id).SingleAsync());

    [Fact]
    public async Task Officer_SeesTheirTasks_OverdueFirst_InCalendarDays_AsTheQueuesCountThem_NotAnotherOfficesOrTheTeamQueues()
    {
        var officer = await NewLrOfficerAsync();
        var commands = Portal.Get<WorkItemCommands>();
        var soon = await Portal.RegisterReviewAsync(Today.AddDays(-2));
        var late = await Portal.RegisterReviewAsync(Today.AddDays(-60));
        var team = await Portal.RegisterReviewAsync(Today.AddDays(-3));
        Assert.True((await commands.ClaimAsync(officer, await TaskOfAsync(soon))).IsSuccess);
        Assert.True((await commands.ClaimAsync(officer, await TaskOfAsync(late))).IsSuccess);

        var home = await Query.HandleAsync(officer);

        Assert.Equal([late, soon], home.Tasks.Select(t => t.ReviewId));
        var overdue = home.Tasks[0];
        var days = Today.DayNumber - Today.AddDays(-60).AddMonths(1).DayNumber;
        Assert.Equal((true, $"{days} days overdue"), (overdue.IsOverdue, overdue.DueText));
        Assert.Equal($"reviews/{late}?do=PresentToCrg#process-panel", overdue.Link);
        var queues = await Portal.Get<WorkQueueQuery>().CountsAsync(officer);
        Assert.Equal((queues.MyWork, queues.Team), (home.TaskCount, home.TeamQueueCount));
        Assert.DoesNotContain(home.Tasks, t => t.ReviewId == team);
        Assert.Empty(home.Drafts);
        Assert.Empty(home.Papers);
        Assert.False(home.SeesReports);

        var kent = await HomeOfAsync(DemoAccounts.KentOfficer);
        Assert.DoesNotContain(kent.Tasks, t => t.ReviewId == late || t.ReviewId == soon || t.ReviewId == team);
    }

    [Fact]
    public async Task Author_SeesTheExpressionOfInterestToAnswer_AgencyContact_TheirRequest_NeitherTheOthers()
    {
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var commissioning = await Portal.CommissioningReviewAsync(Today.AddDays(-20));
        var eoi = await Portal.Get<SendEoiHandler>().HandleAsync(officer,
            new SendEoi(commissioning, "Death of a woman in her thirties; former partner.", Today.AddDays(9), [author.UserId]));
        Assert.True(eoi.IsSuccess, eoi.Error?.Message);
        var requested = await Portal.RegisterReviewAsync(Today.AddDays(-4));
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(officer,
            new SendInformationRequests(requested, RequestType.Scoping, [contact.UserId], Today.AddDays(21), TestRequests.Scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);

        var authorHome = await HomeOfAsync(DemoAccounts.Author);
        var reply = Assert.Single(authorHome.Tasks, t => t.ReviewId == commissioning);
        Assert.Equal(($"eoi/{eoi.Value}", Today.AddDays(9), "in 9 days"), (reply.Link, reply.DueDate, reply.DueText));
        Assert.DoesNotContain(authorHome.Tasks, t => t.ReviewId == requested);
        Assert.Null(authorHome.TeamQueueCount);

        var contactHome = await HomeOfAsync(DemoAccounts.AgencyContact);
        var request = Assert.Single(contactHome.Tasks, t => t.ReviewId == requested);
        Assert.Equal(($"requests/{sent.Value.RequestIds.Single()}", Today.AddDays(21)), (request.Link, request.DueDate));
        Assert.DoesNotContain(contactHome.Tasks, t => t.ReviewId == commissioning);
        Assert.Empty(contactHome.Drafts);

        var otherAgency = await Query.HandleAsync(await Portal.ActorAsync(await ActionPlanScenario.OtherAgencyContactAsync(Portal)));
        Assert.DoesNotContain(otherAgency.Tasks, t => t.ReviewId == requested);
        Assert.DoesNotContain((await HomeOfAsync(DemoAccounts.LrOfficer)).Tasks, t => t.ReviewId == commissioning && t.Kind == WorkItemKind.ReplyToExpressionOfInterest);
    }

    [Fact]
    public async Task CrgMember_SeesSharedPapersToCome_BoardMember_TheirReports_NeitherAnyTask()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var lr = officer.OfficeIds.Single();
        var meeting = (await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(officer, lr, Today.AddDays(47), "10:00", "Committee Room 2, City Hall")).Value;
        var unshared = (await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(officer, lr, Today.AddDays(48), "10:00", "Committee Room 2, City Hall")).Value;
        Assert.True((await Portal.Get<ChangeAgendaHandler>().AddAsync(officer, meeting, await Portal.RegisterReviewAsync(Today.AddDays(-6)))).IsSuccess);
        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);

        var crg = await HomeOfAsync(DemoAccounts.CrgMember);
        var papers = Assert.Single(crg.Papers, p => p.Id == meeting);
        Assert.Equal(Today.AddDays(47), papers.MeetingDate);
        Assert.True(papers.Items >= 1); // the class's portal is shared: another test may plan the same day's meeting
        Assert.DoesNotContain(crg.Papers, p => p.Id == unshared);
        Assert.Empty(crg.Tasks);
        Assert.False(crg.SeesReports);

        var board = await HomeOfAsync(DemoAccounts.BoardMember);
        Assert.True(board.SeesReports);
        Assert.Empty(board.Tasks);
        Assert.Empty(board.Papers);
        Assert.Equal(0, board.TaskCount);
    }
}

public sealed class SqliteYourWorkTests(SqliteFixture fixture) : YourWorkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresYourWorkTests(PostgresFixture fixture) : YourWorkTests(fixture), IClassFixture<PostgresFixture>;
