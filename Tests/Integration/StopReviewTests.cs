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

/// A review stopped with the Home Office's agreement (StopReviewHandler): refused without a reason or with a date in
/// the future; then closed with its tasks and timers, its open agency requests withdrawn, its panel members' access
/// ended, and those people and the chair/author told through real SMTP, by case reference only.
public abstract class StopReviewTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    [Fact]
    public async Task Stop_RefusedWithoutAReasonOrAFutureDate_ThenEndsTheWork_WithdrawsRequestsAndPanelAccess_AndTellsThePeopleByReferenceOnly()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var contactEmail = await Portal.AddAgencyContactAsync("Leicestershire Police");
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(officer,
            new SendInformationRequests(id, RequestType.Imr, [await Portal.UserIdAsync(contactEmail)], null));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var panelEmail = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(id, panelEmail);
        var before = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
        var handler = Portal.Get<StopReviewHandler>();

        var noReason = Assert.IsType<ValidationFailed>((await handler.HandleAsync(officer, id, new StopReviewArgs(), Guid.NewGuid().ToString())).Error);
        Assert.Equal([("Comment", "Say why the review is stopped and what the Home Office agreed.")], noReason.Errors.Select(e => (e.Field, e.Message)));
        var future = Assert.IsType<ValidationFailed>((await handler.HandleAsync(officer, id,
            new StopReviewArgs { Comment = "Agreed.", Date = today.AddDays(1) }, Guid.NewGuid().ToString())).Error);
        Assert.Equal([("Date", "The date cannot be in the future.")], future.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal((before.Version, Stage.PanelAndReport), await Portal.WithDbAsync(async db =>
        {
            var r = await db.Reviews.AsNoTracking().SingleAsync(x => x.Id == id);
            return (r.Version, r.Stage);
        }));
        Assert.Equal(RequestStatus.Sent, await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == id).Select(r => r.Status).SingleAsync()));

        var key = Guid.NewGuid().ToString();
        var args = new StopReviewArgs { Comment = "The family withdrew; the Home Office agreed to stop the review.", Date = today };
        var stopped = await handler.HandleAsync(officer, id, args, key);
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
        Assert.True((await handler.HandleAsync(officer, id, args, key)).Value!.Repeated);
        var messages = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == id && m.Reason == StopReviewHandler.EmailReason).ToListAsync());
        Assert.Equal(new[] { contactEmail, DemoAccounts.Author, panelEmail }.Order(StringComparer.Ordinal), messages.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(review.CaseLabel, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = Assert.Single(await Mail.WaitForSubjectAsync(panelEmail, $"Review {review.Reference} has been stopped"));
        Assert.Contains("stopped with the Home Office's agreement", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(review.CaseLabel, mail.Text, StringComparison.Ordinal);
        Assert.Single(await Mail.WaitForSubjectAsync(contactEmail, $"Review {review.Reference} has been stopped"));
    }
}

public sealed class StopReviewSqliteTests(SqliteMailFixture fixture) : StopReviewTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class StopReviewPostgresTests(PostgresMailFixture fixture) : StopReviewTests(fixture), IClassFixture<PostgresMailFixture>;
