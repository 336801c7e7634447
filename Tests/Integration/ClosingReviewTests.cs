using Domain;
using Domain.Requests;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Email;
using Workflows.Process;
using Workflows.Requests;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// A review closed or stopped: each way of closing ends its tasks and timers, withdraws its open agency requests, ends
/// its panel members' access and tells those people and the chair/author through real SMTP, by case reference only
/// (ClosingWork, called by the engine for every close). A stop is refused without a reason or with a date in the future.
/// A reopening tells the same people, the same way.
public abstract class ClosingReviewTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    /// An IMR asked of a new Police contact, and a new panel member: the people a close tells.
    private async Task<(string Contact, string Panel)> AskAgencyAndPanelAsync(int id)
    {
        var contactEmail = await Portal.AddAgencyContactAsync("Leicestershire Police");
        await SendImrAsync(id, contactEmail);
        var panelEmail = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(id, panelEmail);
        return (contactEmail, panelEmail);
    }

    private async Task SendImrAsync(int id, string contactEmail)
    {
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(id, RequestType.Imr, [await Portal.UserIdAsync(contactEmail)], null, TestRequests.Scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
    }

    [Fact]
    public async Task Stop_RefusedWithoutAReasonOrAFutureDate_ThenEndsTheWork_WithdrawsRequestsAndPanelAccess_AndTellsThePeopleByReferenceOnly()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var (contactEmail, panelEmail) = await AskAgencyAndPanelAsync(id);
        var before = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
        var engine = Portal.Get<WorkflowEngine>();

        var noReason = Assert.IsType<ValidationFailed>((await engine.FireAsync(id, new StopReviewArgs(), officer, Guid.NewGuid().ToString())).Error);
        Assert.Equal([("Comment", "Say why the review is stopped and what the Home Office agreed.")], noReason.Errors.Select(e => (e.Field, e.Message)));
        var future = Assert.IsType<ValidationFailed>((await engine.FireAsync(id,
            new StopReviewArgs { Comment = "Agreed.", Date = today.AddDays(1) }, officer, Guid.NewGuid().ToString())).Error);
        Assert.Equal([("Date", "The date cannot be in the future.")], future.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal((before.Version, Stage.PanelAndReport), await Portal.WithDbAsync(async db =>
        {
            var r = await db.Reviews.AsNoTracking().SingleAsync(x => x.Id == id);
            return (r.Version, r.Stage);
        }));
        Assert.Equal(RequestStatus.Sent, await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == id).Select(r => r.Status).SingleAsync()));

        var key = Guid.NewGuid().ToString();
        var args = new StopReviewArgs { Comment = "The family withdrew; the Home Office agreed to stop the review.", Date = today };
        var stopped = await engine.FireAsync(id, args, officer, key);
        Assert.True(stopped.IsSuccess, stopped.Error?.Message);

        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == id));
        Assert.Equal((Stage.Closed, (DateOnly?)today), (review.Stage, review.ClosedOn));
        Assert.Equal(RequestStatus.Withdrawn, await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == id).Select(r => r.Status).SingleAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.WorkItems.AnyAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open)));
        Assert.False(await Portal.WithDbAsync(db => db.Timers.AnyAsync(t => t.ReviewId == id && t.Status == TimerStatus.Pending)));
        Assert.False(await Portal.WithDbAsync(db => db.ReviewClocks.AnyAsync(c => c.ReviewId == id && (c.Status == ClockStatus.Running || c.Status == ClockStatus.Paused))));
        Assert.NotNull(review.Participants.Single(p => p.Kind == ParticipantKind.PanelMember).RevokedAtUtc);
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.StopReview));
        Assert.Equal((today, args.Comment, officer.UserId), (entry.OccurredOn, entry.Comment, entry.UserId));

        // The same form sent twice stops it once and tells each person once.
        Assert.True((await engine.FireAsync(id, args, officer, key)).Value!.Repeated);
        var messages = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == id && m.Reason == ClosingWork.StoppedReason).ToListAsync());
        Assert.Equal(new[] { contactEmail, DemoAccounts.Author, panelEmail }.Order(StringComparer.Ordinal), messages.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(review.CaseLabel, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = Assert.Single(await Mail.WaitForSubjectAsync(panelEmail, $"Review {review.Reference} has been stopped"));
        Assert.Contains("stopped with the Home Office's agreement", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(review.CaseLabel, mail.Text, StringComparison.Ordinal);
        Assert.Single(await Mail.WaitForSubjectAsync(contactEmail, $"Review {review.Reference} has been stopped"));
    }

    [Fact]
    public async Task Close_AfterTheActionPlan_WithdrawsRequestsAndPanelAccess_AndTellsThePeopleByReferenceOnly_AsAStopDoes()
    {
        var id = await ActionPlanScenario.ReviewAtSignOffAsync(Portal, signedOff: true);
        var (contactEmail, panelEmail) = await AskAgencyAndPanelAsync(id);
        await ActionPlanScenario.PublishAsync(Portal, id);

        await ActionPlanScenario.FireAsync(Portal, id, Trigger.CloseReview);

        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == id));
        Assert.Equal(Stage.Closed, review.Stage);
        Assert.Equal(RequestStatus.Withdrawn, await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == id).Select(r => r.Status).SingleAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.WorkItems.AnyAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open)));
        Assert.NotNull(review.Participants.Single(p => p.Kind == ParticipantKind.PanelMember).RevokedAtUtc);
        Assert.Null(review.Participants.Single(p => p.Kind == ParticipantKind.ChairAuthor).RevokedAtUtc);
        var messages = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == id && m.Reason == ClosingWork.ClosedReason).ToListAsync());
        Assert.Equal(new[] { contactEmail, DemoAccounts.Author, panelEmail }.Order(StringComparer.Ordinal), messages.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(review.CaseLabel, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = Assert.Single(await Mail.WaitForSubjectAsync(contactEmail, $"Review {review.Reference} is closed"));
        Assert.Contains("its open information requests are withdrawn", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(review.CaseLabel, mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.Single(await Mail.WaitForSubjectAsync(panelEmail, $"Review {review.Reference} is closed"));
    }

    [Fact]
    public async Task Reopen_ByAManagerWithAReason_ReturnsToTheStageStoppedFrom_GivesBackPanelAccessClocksAndTasks_AndListsTheWithdrawnRequests()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var (contactEmail, panelEmail) = await AskAgencyAndPanelAsync(id);
        var engine = Portal.Get<WorkflowEngine>();
        var completionDue = await Portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id && c.Kind == ClockKind.Completion).Select(c => c.DueDate).SingleAsync());
        Assert.True((await engine.FireAsync(id, new StopReviewArgs { Comment = "Agreed." }, officer, Guid.NewGuid().ToString())).IsSuccess);
        // Reopened three days later: the clocks count the days closed as days on hold.
        Portal.Time.Advance(TimeSpan.FromDays(3));
        today = today.AddDays(3);

        // An officer may not; a manager must say why; neither attempt changes anything.
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == Domain.Audit.AuditAction.Refused));
        var byOfficer = Assert.IsType<ActionUnavailable>((await engine.FireAsync(id, new ReopenReviewArgs { Comment = "Why not." }, officer, Guid.NewGuid().ToString())).Error);
        Assert.Contains("Only a manager of the review's lead office can do this.", byOfficer.Reasons);
        Assert.Equal(refusals + 1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == Domain.Audit.AuditAction.Refused)));
        var noReason = Assert.IsType<ValidationFailed>((await engine.FireAsync(id, new ReopenReviewArgs(), manager, Guid.NewGuid().ToString())).Error);
        Assert.Equal([("Comment", "Say why the review is reopened.")], noReason.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(Stage.Closed, await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Stage).SingleAsync()));
        Assert.Empty((await Portal.Get<WithdrawnRequestsQuery>().HandleAsync(officer, id)).Value!);

        var args = new ReopenReviewArgs { Comment = "The Home Office withdrew its agreement: the review goes on.", Date = today };
        var reopened = await engine.FireAsync(id, args, manager, Guid.NewGuid().ToString());
        Assert.True(reopened.IsSuccess, reopened.Error?.Message);

        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == id));
        Assert.Equal((Stage.PanelAndReport, (DateOnly?)null), (review.Stage, review.ClosedOn));
        Assert.Null(review.Participants.Single(p => p.Kind == ParticipantKind.PanelMember).RevokedAtUtc);
        var clock = await Portal.WithDbAsync(db => db.ReviewClocks.AsNoTracking().Where(c => c.ReviewId == id && c.Kind == ClockKind.Completion).SingleAsync());
        Assert.Equal((ClockStatus.Running, completionDue.AddDays(3)), (clock.Status, clock.DueDate));
        Assert.True(await Portal.WithDbAsync(db => db.Timers.AnyAsync(t => t.ReviewId == id && t.ClockId == clock.Id && t.Status == TimerStatus.Pending)));
        var task = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open));
        Assert.Equal((WorkItemKind.CompleteReview, (DateOnly?)clock.DueDate, (long?)clock.Id), (task.Kind, task.DueDate, task.ClockId));
        Assert.Equal(RequestStatus.Withdrawn, await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == id).Select(r => r.Status).SingleAsync()));
        var withdrawn = Assert.Single((await Portal.Get<WithdrawnRequestsQuery>().HandleAsync(officer, id)).Value!);
        Assert.Equal((RequestType.Imr, "Leicestershire Police"), (withdrawn.Type, withdrawn.Agency));
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.ReopenReview));
        Assert.Equal((today, args.Comment, manager.UserId, Stage.Closed), (entry.OccurredOn, entry.Comment, entry.UserId, entry.FromStage!.Value));
        Assert.Contains("Panel access given back to 1 member.", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("1 agency request withdrawn when it closed is not sent again", entry.Detail, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Detail == "ReopenReview: Closed -> PanelAndReport")));

        // The people the stop told are told of the reopening, once each, by the case reference only, through real SMTP.
        var told = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == id && m.Reason == ClosingWork.ReopenedReason).ToListAsync());
        Assert.Equal(new[] { contactEmail, DemoAccounts.Author, panelEmail }.Order(StringComparer.Ordinal), told.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.DoesNotContain(review.CaseLabel, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        Assert.Contains("Told by email: 3 people (the case reference only).", entry.Detail, StringComparison.Ordinal);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = Assert.Single(await Mail.WaitForSubjectAsync(panelEmail, $"Review {review.Reference} has been reopened"));
        Assert.Contains("Panel members have access to its panel pages again", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(review.CaseLabel, mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.Contains("the review office will send a new request", (Assert.Single(await Mail.WaitForSubjectAsync(contactEmail, $"Review {review.Reference} has been reopened"))).Text,
            StringComparison.Ordinal);

        // Sent again, it leaves the list.
        await SendImrAsync(id, contactEmail);
        Assert.Empty((await Portal.Get<WithdrawnRequestsQuery>().HandleAsync(officer, id)).Value!);
    }
}

public sealed class ClosingReviewSqliteTests(SqliteMailFixture fixture) : ClosingReviewTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class ClosingReviewPostgresTests(PostgresMailFixture fixture) : ClosingReviewTests(fixture), IClassFixture<PostgresMailFixture>;
