using System.Text.RegularExpressions;
using Domain;
using Domain.Calendar;
using Domain.Email;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Authors;
using Workflows.Drafts;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Reminder and escalation emails link to a page their recipient can open and act on: a panel member's draft comments
/// on the drafts page, an author's expression of interest on its reply page, an action owner on the action's page, the
/// office's managers on the staff's page for the task. The links are followed by calling the pages' queries as the recipient.
public abstract partial class TaskLinkTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private sealed record Queued(string To, string Reason, string Key, string Text);

    private Task<List<Queued>> OutboxAsync(long taskId) => Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.OccurrenceKey.StartsWith($"workitem:{taskId}:")).OrderBy(m => m.Id)
        .Select(m => new Queued(m.RecipientAddress, m.Reason, m.OccurrenceKey, m.TextBody)).ToListAsync());

    /// The portal-relative page of the email's link ("reviews/12/drafts").
    private string LinkOf(Queued message)
    {
        var baseUrl = Portal.Get<EmailOptions>().PortalBaseUrl.TrimEnd('/') + "/";
        var link = LinkPattern().Matches(message.Text).Select(m => m.Value).Single(l => l != baseUrl && l != baseUrl.TrimEnd('/'));
        Assert.StartsWith(baseUrl, link, StringComparison.Ordinal);
        return link[baseUrl.Length..];
    }

    [Fact]
    public async Task PanelMembersAuthorsAndActionOwners_AreRemindedWithTheirOwnPage_WhichAdmitsThem_ManagersEscalatedToTheReviewPage()
    {
        Assert.True(Today.DayOfWeek is DayOfWeek.Monday, "the ladder below assumes business today is a Monday");
        var draftReview = await Portal.ReviewAtPanelAndReportAsync();
        var member = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(draftReview, member);
        var uploaded = await Portal.Get<UploadDraftHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author),
            new UploadDraft(draftReview, Today.AddDays(7), DraftTestFiles.Docx(), "draft.docx"));
        Assert.True(uploaded.IsSuccess, uploaded.Error?.Message);
        var memberActor = await Portal.ActorAsync(member);
        var commentTask = await Portal.WithDbAsync(db => db.WorkItems
            .Where(w => w.ReviewId == draftReview && w.Kind == WorkItemKind.CommentOnDraft && w.CandidateUserId == memberActor.UserId).Select(w => w.Id).SingleAsync());

        var eoiReview = await Portal.CommissioningReviewAsync(Today.AddDays(-20));
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var sent = await Portal.Get<SendEoiHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendEoi(eoiReview, "Death of a man in his fifties; adult son in the household.", Today.AddDays(7), [author.UserId]));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var eoiTask = await Portal.WithDbAsync(db => db.WorkItems
            .Where(w => w.ReviewId == eoiReview && w.Kind == WorkItemKind.ReplyToExpressionOfInterest).Select(w => w.Id).SingleAsync());

        var actionReview = await ActionPlanScenario.ReviewAtSignOffAsync(Portal, signedOff: true);
        var owner = await Portal.NewPanelContactAsync();
        var action = await ActionPlanScenario.ActionAsync(Portal, actionReview, await ActionPlanScenario.RecommendationAsync(Portal, actionReview), owner, dueInDays: 7);
        var actionTask = await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == action).Select(a => a.WorkItemId!.Value).SingleAsync());

        // All due in 7 days: today's scan queues the 7-day reminders.
        await Portal.Get<ReminderScan>().RunAsync();

        var memberReminder = Assert.Single(await OutboxAsync(commentTask));
        Assert.Equal((member, EmailReasons.Reminder), (memberReminder.To, memberReminder.Reason));
        Assert.Equal($"reviews/{draftReview}/drafts", LinkOf(memberReminder));
        var drafts = await Portal.Get<DraftsQuery>().HandleAsync(memberActor, draftReview);
        Assert.True(drafts.IsSuccess, drafts.Error?.Message);
        Assert.True(drafts.Value.CanComment);
        // The link it used to carry: the review page refuses a panel member.
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(memberActor, draftReview)).Error);

        var authorReminder = Assert.Single(await OutboxAsync(eoiTask));
        Assert.Equal((DemoAccounts.Author, EmailReasons.Reminder), (authorReminder.To, authorReminder.Reason));
        Assert.Equal($"eoi/{sent.Value}", LinkOf(authorReminder));
        var eoi = await Portal.Get<EoiReplyHandler>().GetAsync(author, sent.Value);
        Assert.True(eoi.IsSuccess, eoi.Error?.Message);
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(author, eoiReview)).Error);

        var ownerReminder = Assert.Single(await OutboxAsync(actionTask));
        Assert.Equal((owner, EmailReasons.Reminder), (ownerReminder.To, ownerReminder.Reason));
        Assert.Equal($"actions/{action}", LinkOf(ownerReminder));
        var ownerActor = await Portal.ActorAsync(owner);
        var detail = await Portal.Get<ActionPlanQuery>().ForActionAsync(ownerActor, action, recordView: true);
        Assert.True(detail.IsSuccess, detail.Error?.Message);
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(ownerActor, actionReview)).Error);

        // Due Monday 30 Nov, one working day overdue on Tuesday 1 Dec: the lead office's managers hear, with the staff's page
        // for the task (the review's drafts, its commissioning).
        Portal.Time.SetUtcNow(Portal.Time.GetUtcNow() + TimeSpan.FromDays(8));
        await Portal.Get<ReminderScan>().RunAsync();

        foreach (var (task, review, page) in new[] { (commentTask, draftReview, "drafts"), (eoiTask, eoiReview, "commissioning") })
        {
            var escalation = Assert.Single(await OutboxAsync(task), m => m.Reason == EmailReasons.OverdueEscalation);
            Assert.Equal(DemoAccounts.LrManager, escalation.To);
            Assert.Equal($"reviews/{review}/{page}", LinkOf(escalation));
            var manager = await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), review);
            Assert.True(manager.IsSuccess, manager.Error?.Message);
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class TaskLinkSqliteTests(SqliteFixture fixture) : TaskLinkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskLinkPostgresTests(PostgresFixture fixture) : TaskLinkTests(fixture), IClassFixture<PostgresFixture>;
