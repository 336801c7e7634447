using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Email;
using Workflows.WorkItems;

namespace Portal.Integration.Tests;

/// A manager reassigns a task with a note: the note is required, kept on the task and in the review's journal, and the
/// new assignee is emailed (through the outbox and real SMTP) the case reference and a link to their work, never the
/// case label nor the note.
public abstract class ReassignTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private WorkItemCommands Commands => Portal.Get<WorkItemCommands>();

    [Fact]
    public async Task Reassign_WithANote_JournalsIt_ShowsItOnTheTask_AndEmailsTheNewAssignee_WithoutTheCaseLabel()
    {
        var email = $"reassigned.{Guid.NewGuid():N}@lr.example.org";
        var lrOffice = (await Portal.ActorAsync(DemoAccounts.LrOfficer)).OfficeIds.Single();
        var created = await Portal.Get<CreateUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Rita Reassigned", email, "Rita-Reassigned-2026!", new UserAccess([Role.ReviewOfficer], [lrOffice], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var rita = await Portal.ActorAsync(email);
        var reviewId = await Portal.RegisterReviewAsync(Today.AddDays(-3));
        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        var (reference, label) = (review.Reference, review.CaseLabel);
        var itemId = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == reviewId).Select(w => w.Id).SingleAsync());
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        const string note = "Olivia is on leave until the 14th: the CRG meets on Thursday, present it there.";

        var refused = await Commands.ReassignAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), itemId, rita.UserId, note);
        Assert.IsType<AccessRefused>(refused.Error);
        var noNote = await Commands.ReassignAsync(manager, itemId, rita.UserId, "   ");
        Assert.Equal("Note", noNote.Error!.Field);
        Assert.Contains("Write a note for Rita Reassigned", noNote.Error.Message, StringComparison.Ordinal);
        Assert.Equal("Note", (await Commands.ReassignAsync(manager, itemId, rita.UserId, new string('x', WorkItem.AssignmentNoteMaxLength + 1))).Error!.Field);
        Assert.Null(await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == itemId).Select(w => w.AssigneeUserId).SingleAsync()));

        var done = await Commands.ReassignAsync(manager, itemId, rita.UserId, $"  {note} ");

        Assert.True(done.IsSuccess, done.Error?.Message);
        var row = Assert.Single((await Portal.Get<WorkQueueQuery>().HandleAsync(rita, WorkQueue.MyWork, new WorkItemFilter(ReviewId: reviewId), new PageRequest())).Items);
        Assert.Equal(note, row.AssignmentNote);
        var journal = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.ReviewId == reviewId && j.Kind == JournalKind.TaskReassigned).SingleAsync());
        Assert.Equal(($"\"Present the case to the CRG\" reassigned to Rita Reassigned. Note: {note}", manager.UserId), (journal.Detail, journal.UserId));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = Assert.Single(await Mail.WaitForAsync(email));
        Assert.Equal($"A task on review {reference} is now yours", mail.Subject);
        Assert.Contains("Present the case to the CRG", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/work/mine?search={reference}", mail.Text, StringComparison.Ordinal);
        foreach (var secret in new[] { label, note, "Olivia" })
        {
            Assert.DoesNotContain(secret, mail.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, mail.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, mail.Subject, StringComparison.OrdinalIgnoreCase);
        }

        // Claimed or given back later, the note goes with the hand-over it belonged to.
        Assert.True((await Commands.UnclaimAsync(rita, itemId)).IsSuccess);
        Assert.Null(await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == itemId).Select(w => w.AssignmentNote).SingleAsync()));
    }
}

public sealed class ReassignSqliteTests(SqliteMailFixture fixture) : ReassignTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class ReassignPostgresTests(PostgresMailFixture fixture) : ReassignTests(fixture), IClassFixture<PostgresMailFixture>;
