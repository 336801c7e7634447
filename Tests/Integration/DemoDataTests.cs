using Domain.ActionPlans;
using Domain.Calendar;
using Domain.Reports;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Budget;
using Workflows.Commissioner;
using Workflows.Conduct;
using Workflows.Crg;
using Workflows.Drafts;
using Workflows.Elsewhere;
using Workflows.Home;
using Workflows.Panels;
using Workflows.Reports;
using Workflows.Requests;
using Workflows.Reviews;
using Workflows.Themes;

namespace Portal.Integration.Tests;

/// The demo data set fills every page a newcomer opens with a demo role (issue 16, item 11): each page's own query,
/// run as the person who reads it, finds something. The demo is made as the portal starts (the fixture), dated back
/// from the business clock's today.
public abstract class DemoDataTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    /// The demo review that has drafts (and a panel, a meeting and requests): the LR office's review being written.
    private Task<int> PanelReviewAsync() => Portal.WithDbAsync(db => db.Drafts.Select(d => d.ReviewId).Distinct().SingleAsync());

    private Task<int> ActionPlanReviewAsync() => Portal.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId != null).Select(r => r.ReviewId!.Value).Distinct().SingleAsync());

    [Fact]
    public async Task PanelReview_HasTwoDraftRoundsWithComments_APanel_AHeldMeetingWithItsPlace_AndRequestsReturnedAndOverdue()
    {
        var review = await PanelReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var drafts = (await Portal.Get<DraftsQuery>().HandleAsync(officer, review)).Value.Drafts;
        Assert.Equal([2, 1], drafts.Select(d => d.Number));
        Assert.All(drafts, d => Assert.NotEmpty(d.Comments));
        Assert.True(drafts[0].IsOpen);
        Assert.NotNull(drafts[1].ClosedAtUtc);

        var panel = (await Portal.Get<PanelQuery>().HandleAsync(officer, review)).Value;
        Assert.Equal(2, panel.Members.Count);
        var meeting = Assert.Single(panel.Meetings);
        Assert.True(London.DateOf(meeting.StartsAtUtc!.Value) < Today);
        var held = await Portal.WithDbAsync(db => db.PanelMeetings.Include(m => m.Attendance).SingleAsync(m => m.Id == meeting.Id));
        Assert.NotNull(held.Location);
        Assert.NotEmpty(held.Attendance);

        var requests = (await Portal.Get<RequestQueries>().ForReviewAsync(officer, review)).Value;
        Assert.Contains(requests, r => r.Status == RequestStatus.Returned && r.LatestVersion is not null);
        Assert.Contains(requests, r => r.IsOverdue && r.DueDate < Today);
        var scoped = await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == review).ToListAsync());
        Assert.All(scoped, r => Assert.True(r.Needed is { Length: > 0 } && r.PeriodFrom is not null && r.TermsOfReference is { Length: > 0 }));
    }

    [Fact]
    public async Task ActionPlan_HasRecommendationsWithThemes_AndActionsWithTheOwnersUpdates()
    {
        var review = await ActionPlanReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var plan = (await Portal.Get<ActionPlanQuery>().ForReviewAsync(officer, review)).Value;
        Assert.Equal(2, plan.Recommendations.Count);
        Assert.All(plan.Recommendations, r => Assert.NotEmpty(r.Themes));
        var actions = plan.Recommendations.SelectMany(r => r.Actions).ToList();
        Assert.Equal(2, actions.Count);
        foreach (var action in actions)
        {
            var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, action.Id, recordView: false)).Value;
            Assert.Contains(detail.History, h => h.Kind == ActionUpdateKind.Progress);
        }

        // The owner's "Our actions" list and the office's master plan show them.
        var master = await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), new ActionPlanFilter(), new Workflows.PageRequest());
        Assert.True(master.TotalCount >= 2);
    }

    [Fact]
    public async Task Budget_HasLastYearAndThisYear_WithContributionsAndCosts()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var office = manager.OfficeIds.Single();
        var thisYear = Domain.Budget.FinancialYear.Of(Today);

        var current = (await Portal.Get<BudgetQuery>().HandleAsync(manager, office, null)).Value;
        var last = (await Portal.Get<BudgetQuery>().HandleAsync(manager, office, thisYear.StartYear - 1)).Value;

        Assert.Equal(thisYear, current.Year);
        Assert.Contains(current.Statements, s => s.Year.StartYear == thisYear.StartYear - 1);
        foreach (var year in new[] { current, last })
        {
            Assert.NotEmpty(year.Contributions);
            Assert.NotEmpty(year.Costs);
            Assert.True(year.Statement!.SpendPence > 0 && year.Statement.IncomePence > 0);
        }
    }

    [Fact]
    public async Task Themes_LedElsewhere_CrgPapers_AndEachRolesWork_AreThere()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var tagged = await Portal.WithDbAsync(db => db.ReviewThemes.Select(t => t.ReviewId).Distinct().ToListAsync());
        Assert.True(tagged.Count >= 3);
        Assert.NotEmpty((await Portal.Get<ReviewThemesHandler>().GetAsync(officer, tagged[0])).Value.Tagged);

        Assert.NotEmpty(await Portal.Get<ReviewsLedElsewhereQuery>().ListAsync(officer, new RegisterFilter()));

        var crg = await Portal.Get<YourWorkQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.CrgMember));
        var papers = Assert.Single(crg.Papers);
        var meeting = (await Portal.Get<GetCrgMeetingQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.CrgMember), papers.Id)).Value;
        Assert.True(meeting.MeetingDate > Today && meeting.StartsAt is not null && meeting.Place is { Length: > 0 });
        Assert.NotEmpty(meeting.Items);

        var author = await Portal.Get<YourWorkQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author));
        Assert.Contains(author.Tasks, t => t.Kind == WorkItemKind.ReplyToExpressionOfInterest && t.DueDate > Today);
        Assert.NotEmpty(author.Drafts);
        var contact = await Portal.Get<YourWorkQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact));
        Assert.Contains(contact.Tasks, t => t.Kind == WorkItemKind.InformationRequest && t.DueDate < Today);
        Assert.Contains(contact.Tasks, t => t.Kind == WorkItemKind.DeliverAction);
        Assert.NotEmpty((await Portal.Get<YourWorkQuery>().HandleAsync(officer)).Tasks);
    }

    /// The newest pages (issue 18) read by the demo accounts who use them: the Commissioner's recommendations (one due
    /// soon, one overdue, one answered), the findings and conduct of the review being written, the briefing of the one
    /// signed off, and the manager's own work.
    [Fact]
    public async Task CommissionerRecommendations_Conduct_Briefing_AndTheManagersWork_AreThere()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);

        var commissioner = (await Portal.Get<CommissionerRecommendationsQuery>().HandleAsync(manager)).Value.Recommendations;
        Assert.Equal(3, commissioner.Count);
        Assert.Contains(commissioner, r => r.RespondedOn is null && !r.IsOverdue && r.ResponseDue >= Today && r.ResponseDue <= Today.AddDays(14));
        Assert.Contains(commissioner, r => r.RespondedOn is null && r.IsOverdue);
        Assert.Contains(commissioner, r => r.RespondedOn is not null && r.ResponseSummary is { Length: > 0 });

        var conduct = (await Portal.Get<ConductQuery>().HandleAsync(officer, await PanelReviewAsync())).Value;
        Assert.True(conduct.CanRecord);
        Assert.NotNull(conduct.Findings?.Predictable);
        var terms = Assert.Single(conduct.Terms);
        Assert.True(terms is { FamilyInvited: true, FamilyContributed: true, FamilyAsked.Length: > 0 });
        Assert.Equal(2, conduct.Interviews.Total);
        Assert.Contains(conduct.Interviews.Entries, i => i.Group == Domain.Conduct.IntervieweeGroup.Family);
        Assert.Contains(conduct.Interviews.Entries, i => i.Group == Domain.Conduct.IntervieweeGroup.Professional);
        Assert.All(await Portal.WithDbAsync(db => db.Interviews.Select(i => i.Interviewee).ToListAsync()), v => Assert.True(Workflows.Data.AtRest.IsProtected(v)));

        var briefing = (await Portal.Get<BriefingQuery>().HandleAsync(officer, await ActionPlanReviewAsync())).Value;
        Assert.True(briefing.IsSaved);
        Assert.False(string.IsNullOrWhiteSpace(briefing.Texts.Summary));
        Assert.False(string.IsNullOrWhiteSpace(briefing.Texts.Recommendations));

        var work = await Portal.Get<YourWorkQuery>().HandleAsync(manager);
        Assert.NotEmpty(work.Tasks);
        Assert.All(work.Tasks, t => Assert.Equal(manager.UserId, t.AssigneeUserId));
    }

    /// The LR office's board report as at today: a case in every column, involvement, timeliness, a case under legal
    /// challenge, and each summary table with figures.
    [Fact]
    public async Task BoardReport_OfTheLrOffice_HasACaseInEveryColumn_AndFiguresInEachSummaryTable()
    {
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var office = board.OfficeIds.Single();

        var report = (await Portal.Get<BoardReportQuery>().HandleAsync(board, office, Today)).Value;

        foreach (var column in BoardColumns.All)
        {
            Assert.True(report.Rows.Any(r => r.Cells[column].Count > 0), $"No case in the column \"{BoardColumns.Describe(column)}\".");
        }

        var cases = report.Rows.SelectMany(r => r.Cells.Values.SelectMany(c => c)).ToList();
        Assert.Contains(cases, c => c.Kind == BoardReviewKind.Alternative);
        Assert.Contains(cases, c => c.UnderLegalChallenge);
        Assert.Contains(cases, c => c.LatestUpdate is not null);
        Assert.Contains(report.Involvement, i => i.LedElsewhere);
        Assert.Contains(report.Involvement, i => !i.LedElsewhere);
        Assert.NotEmpty(report.Timeliness);

        var counts = report.Summary.Counts;
        Assert.True(counts is { Full: > 0, Alternative: > 0, Completed: > 0, Published: > 0, Ongoing: > 0, OnHold: > 0, AwaitingDecision: > 0 }, counts.ToString());
        Assert.Contains(report.Summary.Years, y => y.Steps.Values.Any(s => s.Measured > 0) && y.DeathToSubmission.Reviews > 0);
        Assert.NotEmpty(report.Summary.NotRecorded.Steps);

        // The activity overview counts more than "Not recorded": three demo reviews have a case profile (protected at rest).
        var overview = (await Portal.Get<ActivityOverviewQuery>().HandleAsync(board, office, Today)).Value;
        var bySex = overview.Tables[0];
        Assert.Contains(bySex.Rows, r => r.Cells.Take(r.Cells.Count - 1).Any(c => c.Text != "0"));
        Assert.Equal(12, await Portal.WithDbAsync(db => db.ProfileValues.CountAsync()));
        Assert.All(await Portal.WithDbAsync(db => db.ProfileValues.Select(v => v.Value).ToListAsync()), v => Assert.True(Workflows.Data.AtRest.IsProtected(v)));
    }
}

public sealed class SqliteDemoDataTests(SqliteFixture fixture) : DemoDataTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDemoDataTests(PostgresFixture fixture) : DemoDataTests(fixture), IClassFixture<PostgresFixture>;
