using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Drafts;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Documents;
using Workflows.Drafts;
using Workflows.Email;

namespace Portal.Integration.Tests;

/// Drafts and their comment rounds through the handlers the pages call, on a real database and real SMTP: sharing a
/// draft opens a round (emails and tasks), comments until 23:59 London on the deadline, late comments refused, the
/// office closes the round; and who may see and download drafts, every refusal audited. Business time only moves on.
public abstract class DraftsTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private async Task<Result<DraftUploaded>> UploadAsync(int reviewId, DateOnly? due, string who = DemoAccounts.Author, MemoryStream? file = null,
        string name = "draft.docx") =>
        await Portal.Get<UploadDraftHandler>().HandleAsync(await Portal.ActorAsync(who), new UploadDraft(reviewId, due, file ?? DraftTestFiles.Docx(), name));

    private async Task<Result<long>> CommentAsync(string who, long draftId, string text, string? reference = null) =>
        await Portal.Get<AddDraftCommentHandler>().HandleAsync(await Portal.ActorAsync(who), new NewDraftComment(draftId, text, reference));

    private async Task<DraftsView> DraftsAsync(string who, int reviewId)
    {
        var result = await Portal.Get<DraftsQuery>().HandleAsync(await Portal.ActorAsync(who), reviewId);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private Task<int> RefusalsAsync(string email, int reviewId) => Portal.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused);
    });

    private async Task<(int ReviewId, string First, string Second)> ReviewWithPanelAsync()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var first = await Portal.NewPanelContactAsync();
        var second = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(id, first);
        await Portal.AddPanelMemberRowAsync(id, second);
        return (id, first, second);
    }

    /// Business time moves to the given London wall-clock time (never backwards: other tests share the portal).
    private void MoveTo(DateOnly day, int hour, int minute, int second = 0)
    {
        var target = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute, second)), London.Zone);
        Assert.True(target >= Portal.Time.GetUtcNow().UtcDateTime, "business time only moves forward in these tests");
        Portal.Time.SetUtcNow(new DateTimeOffset(target, TimeSpan.Zero));
    }

    [Fact]
    public async Task Draft2_OpensARound_PanelEmailed_Comments_LateCommentRefused_OfficeCloses()
    {
        var (id, first, second) = await ReviewWithPanelAsync();
        var revoked = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(id, revoked);
        var revokedId = (await Portal.ActorAsync(revoked)).UserId;
        await Portal.WithDbAsync(db => db.ReviewParticipants.Where(p => p.ReviewId == id && p.UserId == revokedId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, DateTime.UtcNow)));
        var one = await UploadAsync(id, Today.AddDays(14), file: DraftTestFiles.Pdf(), name: "Draft one.pdf");
        var due = Today.AddDays(7);

        var two = await UploadAsync(id, due);

        Assert.True(two.IsSuccess, two.Error?.Message);
        Assert.Equal((1, 2, 2), (one.Value.Number, two.Value.Number, two.Value.PanelMembersAsked));
        var review = await Portal.WithDbAsync(db => db.Reviews.SingleAsync(r => r.Id == id));
        await Portal.WithDbAsync(async db =>
        {
            var draft = await db.Drafts.Include(d => d.Invitations).SingleAsync(d => d.Id == two.Value.DraftId);
            var document = await db.Documents.SingleAsync(d => d.Id == draft.DocumentId);
            Assert.Equal((review.Id, Domain.Documents.DocumentKind.Draft, $"draft:{draft.Id}", "Draft 2"), (document.ReviewId, document.Kind, document.OwnerKey, document.Title));
            var tasks = await db.WorkItems.Where(w => w.ReviewId == id && (w.Kind == WorkItemKind.CommentOnDraft || w.Kind == WorkItemKind.CloseDraftComments)
                && w.Title.Contains("draft 2")).ToListAsync();
            Assert.Equal(3, tasks.Count);
            var comment = tasks.Where(t => t.Kind == WorkItemKind.CommentOnDraft).ToList();
            Assert.Equal(2, comment.Count);
            Assert.All(comment, t => Assert.Equal((due, (int?)null, false), (t.DueDate!.Value, t.OfficeId, t.IsProcessStep)));
            var office = Assert.Single(tasks, t => t.Kind == WorkItemKind.CloseDraftComments);
            Assert.Equal((due.AddDays(1), review.LeadOfficeId), (office.DueDate!.Value, office.OfficeId!.Value));
            Assert.Equal(2, draft.Invitations.Count);
            return 0;
        });

        // The panel's email: through the outbox and real SMTP, with the case label, reference and a link; no names.
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var mail = await Mail.WaitForAsync(first, 2);
        Assert.Equal(2, mail.Count);
        var email = Assert.Single(mail, m => m.Subject.StartsWith("Draft 2", StringComparison.Ordinal));
        Assert.Equal($"Draft 2 of {review.CaseLabel} ({review.Reference}) is ready for your comments", email.Subject);
        Assert.Contains($"23:59 on {UkDate.Format(due)} (UK time)", email.Text, StringComparison.Ordinal);
        Assert.Contains($"/reviews/{id}/drafts", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("A summary.", email.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await Mail.WaitForAsync(second, 2)).Count);
        Assert.Empty(await Mail.ForAsync(revoked));

        // Comments while open; the member's task is then done.
        Assert.True((await CommentAsync(first, two.Value.DraftId, "Para 14 misdates the first police contact.", "14")).IsSuccess);
        Assert.IsType<AccessRefused>((await CommentAsync(DemoAccounts.Author, two.Value.DraftId, "My own draft.")).Error);
        Assert.IsType<AccessRefused>((await CommentAsync(revoked, two.Value.DraftId, "Still here?")).Error);
        MoveTo(due, 23, 59, 59);
        Assert.True((await CommentAsync(second, two.Value.DraftId, "Section 5 should name the GP practice's role.")).IsSuccess);

        // From 00:00 London the day after, too late.
        MoveTo(due.AddDays(1), 0, 0);
        var late = await CommentAsync(second, two.Value.DraftId, "One more thing.");
        Assert.StartsWith($"The deadline for comments on draft 2 was 23:59 on {UkDate.Format(due)} (UK time)", late.Error?.Message, StringComparison.Ordinal);

        // The office sees every comment; a panel member only their own.
        var office = await DraftsAsync(DemoAccounts.LrOfficer, id);
        var row = Assert.Single(office.Drafts, d => d.Number == 2);
        Assert.Equal([("14", "Para 14 misdates the first police contact."), (null, "Section 5 should name the GP practice's role.")],
            row.Comments.Select(c => (c.Reference, c.Text)));
        Assert.True(office.CanClose);
        Assert.False(row.IsOpen);
        var mine = Assert.Single((await DraftsAsync(first, id)).Drafts, d => d.Number == 2);
        Assert.Equal(["Para 14 misdates the first police contact."], mine.Comments.Select(c => c.Text));
        Assert.NotNull(mine.VersionId);

        // The office closes the round (again: no change); draft 1's round is still open, draft 2's is not.
        var closed = await Portal.Get<CloseCommentRoundHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), two.Value.DraftId);
        var again = await Portal.Get<CloseCommentRoundHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), two.Value.DraftId);
        Assert.True(closed.Value is { AlreadyClosed: false, Number: 2 });
        Assert.True(again.Value.AlreadyClosed);
        Assert.IsType<AccessRefused>((await Portal.Get<CloseCommentRoundHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author), one.Value.DraftId)).Error);
        Assert.True((await CommentAsync(first, one.Value.DraftId, "On draft 1: fine.")).IsSuccess);
        Assert.StartsWith("The comment round for draft 2 was closed by the review office", (await CommentAsync(first, two.Value.DraftId, "Late")).Error?.Message,
            StringComparison.Ordinal);
        await Portal.WithDbAsync(async db =>
        {
            var statuses = await db.WorkItems.Where(w => w.ReviewId == id && w.Title.Contains("draft 2")).Select(w => new { w.Kind, w.Status, w.CandidateUserId })
                .ToListAsync();
            Assert.Equal(WorkItemStatus.Completed, Assert.Single(statuses, s => s.Kind == WorkItemKind.CloseDraftComments).Status);
            Assert.Equal([WorkItemStatus.Completed, WorkItemStatus.Completed], statuses.Where(s => s.Kind == WorkItemKind.CommentOnDraft).Select(s => s.Status));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Subject == "Draft" && a.Detail == "draft 2: comment round closed"));
            // Comment text stays out of the audit trail.
            Assert.False(await db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Detail!.Contains("misdates")));
            return 0;
        });
    }

    [Fact]
    public async Task ClosingARound_CancelsTheTasksOfMembersWhoDidNotComment()
    {
        var (id, first, second) = await ReviewWithPanelAsync();
        var draft = (await UploadAsync(id, Today.AddDays(10), who: DemoAccounts.LrOfficer)).Value;
        await CommentAsync(first, draft.DraftId, "Agreed.");

        await Portal.Get<CloseCommentRoundHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), draft.DraftId);

        var statuses = await Portal.WithDbAsync(async db =>
        {
            var users = await db.Users.Where(u => u.Email == first || u.Email == second).ToDictionaryAsync(u => u.Email!, u => u.Id);
            return await db.WorkItems.Where(w => w.ReviewId == id && w.Kind == WorkItemKind.CommentOnDraft)
                .ToDictionaryAsync(w => w.CandidateUserId == users[first] ? first : second, w => w.Status);
        });
        Assert.Equal(WorkItemStatus.Completed, statuses[first]);
        Assert.Equal(WorkItemStatus.Cancelled, statuses[second]);
    }

    [Fact]
    public async Task ChangeDeadline_MovesTheTasks_AndRefusesThePast()
    {
        var (id, first, _) = await ReviewWithPanelAsync();
        var draft = (await UploadAsync(id, Today.AddDays(3))).Value;
        var handler = Portal.Get<ChangeCommentDeadlineHandler>();
        var author = await Portal.ActorAsync(DemoAccounts.Author);

        var past = await handler.HandleAsync(author, draft.DraftId, Today.AddDays(-1));
        var later = await handler.HandleAsync(author, draft.DraftId, Today.AddDays(21));
        var byMember = await handler.HandleAsync(await Portal.ActorAsync(first), draft.DraftId, Today.AddDays(30));

        Assert.Equal("CommentsDue", Assert.Single(Assert.IsType<ValidationFailed>(past.Error).Errors).Field);
        Assert.Equal(Today.AddDays(21), later.Value);
        Assert.IsType<AccessRefused>(byMember.Error);
        var dues = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == id && w.Status == WorkItemStatus.Open
            && (w.Kind == WorkItemKind.CommentOnDraft || w.Kind == WorkItemKind.CloseDraftComments)).Select(w => new { w.Kind, w.DueDate }).ToListAsync());
        Assert.Equal(2, dues.Count(d => d.Kind == WorkItemKind.CommentOnDraft));
        Assert.Single(dues, d => d.Kind == WorkItemKind.CloseDraftComments);
        Assert.All(dues, d => Assert.Equal(d.Kind == WorkItemKind.CloseDraftComments ? Today.AddDays(22) : Today.AddDays(21), d.DueDate));
    }

    [Fact]
    public async Task Upload_BadInput_EachFieldHasAMessage_AndNothingIsSaved()
    {
        var (id, first, _) = await ReviewWithPanelAsync();

        var wrongType = await UploadAsync(id, Today.AddDays(14), file: DraftTestFiles.Text(), name: "notes.txt");
        var pastDeadline = await UploadAsync(id, Today.AddDays(-1));
        var noFile = await Portal.Get<UploadDraftHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author), new UploadDraft(id, null, null, null));
        var byMember = await UploadAsync(id, Today.AddDays(14), who: first);

        Assert.Equal([DocumentFiles.FieldName], Assert.IsType<ValidationFailed>(wrongType.Error).Errors.Select(e => e.Field));
        Assert.Equal(["CommentsDue"], Assert.IsType<ValidationFailed>(pastDeadline.Error).Errors.Select(e => e.Field));
        Assert.Equal(["CommentsDue", DocumentFiles.FieldName], Assert.IsType<ValidationFailed>(noFile.Error).Errors.Select(e => e.Field));
        Assert.IsType<AccessRefused>(byMember.Error);
        await Portal.WithDbAsync(async db =>
        {
            Assert.False(await db.Drafts.AnyAsync(d => d.ReviewId == id));
            Assert.False(await db.Documents.AnyAsync(d => d.ReviewId == id));
            Assert.False(await db.WorkItems.AnyAsync(w => w.ReviewId == id && w.Kind == WorkItemKind.CommentOnDraft));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReviewId == id && m.Reason == UploadDraftHandler.EmailReason));
            return 0;
        });
    }

    [Fact]
    public async Task Upload_WithNobodyOnThePanel_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var before = await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id));

        var empty = await UploadAsync(id, Today.AddDays(14));
        // A panel whose only member was removed is as empty.
        var removed = await Portal.NewPanelContactAsync();
        await Portal.AddPanelMemberRowAsync(id, removed);
        var removedId = (await Portal.ActorAsync(removed)).UserId;
        await Portal.WithDbAsync(db => db.ReviewParticipants.Where(p => p.ReviewId == id && p.UserId == removedId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, DateTime.UtcNow)));
        var revoked = await UploadAsync(id, Today.AddDays(14), who: DemoAccounts.LrOfficer);

        Assert.Equal(UploadDraftHandler.NoPanel, empty.Error?.Message);
        Assert.Equal(UploadDraftHandler.NoPanel, revoked.Error?.Message);
        await Portal.WithDbAsync(async db =>
        {
            Assert.False(await db.Drafts.AnyAsync(d => d.ReviewId == id));
            Assert.False(await db.Documents.AnyAsync(d => d.ReviewId == id));
            Assert.False(await db.WorkItems.AnyAsync(w => w.ReviewId == id && (w.Kind == WorkItemKind.CommentOnDraft || w.Kind == WorkItemKind.CloseDraftComments)));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReviewId == id && m.Reason == UploadDraftHandler.EmailReason));
            Assert.Equal(before, await db.AuditEvents.CountAsync(a => a.ReviewId == id));
            return 0;
        });
    }

    [Fact]
    public async Task Upload_OutsidePanelAndReport_IsRefusedWithTheStage()
    {
        var id = await Portal.RegisterReviewAsync(Today.AddDays(-3));

        var result = await UploadAsync(id, Today.AddDays(14), who: DemoAccounts.LrOfficer);

        Assert.Equal("Drafts are shared while the review is at \"Panel and report writing\"; this review is at \"Notification received\".", result.Error?.Message);
    }

    [Fact]
    public async Task Access_OnlyTheLeadOfficeTheAppointedAuthorAndCurrentPanelMembers_AndRefusedDownloadsAreAudited()
    {
        var (id, member, _) = await ReviewWithPanelAsync();
        var draft = (await UploadAsync(id, Today.AddDays(14))).Value;
        var versionId = (await DraftsAsync(DemoAccounts.LrOfficer, id)).Drafts.Single().VersionId!.Value;
        var (otherReview, otherMember, _) = await ReviewWithPanelAsync();
        var download = Portal.Get<DownloadDocumentHandler>();

        foreach (var allowed in new[] { DemoAccounts.LrOfficer, DemoAccounts.LrManager, DemoAccounts.Author, member })
        {
            var file = await download.DownloadAsync(await Portal.ActorAsync(allowed), versionId);
            Assert.True(file.IsSuccess, $"{allowed}: {file.Error?.Message}");
            await file.Value.Content.DisposeAsync();
            Assert.EndsWith("-draft-v1.docx", file.Value.FileName, StringComparison.Ordinal);
        }

        // A panel member of another review, the Kent office, the DPO, a CRG member, a chair/author not appointed here.
        var otherAuthor = await NewAuthorAsync();
        foreach (var refused in new[] { otherMember, DemoAccounts.KentOfficer, DemoAccounts.Dpo, DemoAccounts.CrgMember, DemoAccounts.AgencyContact, otherAuthor })
        {
            var before = await RefusalsAsync(refused, id);
            var actor = await Portal.ActorAsync(refused);
            Assert.IsType<AccessRefused>((await download.DownloadAsync(actor, versionId)).Error);
            Assert.IsType<AccessRefused>((await Portal.Get<DraftsQuery>().HandleAsync(actor, id)).Error);
            Assert.IsType<AccessRefused>((await CommentAsync(refused, draft.DraftId, "Let me in.")).Error);
            Assert.Equal(before + 3, await RefusalsAsync(refused, id));
        }

        // The other review's panel member sees that review's drafts page, not this one's.
        Assert.True((await Portal.Get<DraftsQuery>().HandleAsync(await Portal.ActorAsync(otherMember), otherReview)).IsSuccess);
        var mine = await Portal.Get<MyDraftsQuery>().HandleAsync(await Portal.ActorAsync(otherMember));
        Assert.Equal([otherReview], mine.Select(r => r.ReviewId));

        // Removing the membership (or the appointment) removes access on the next request.
        await Portal.WithDbAsync(async db =>
        {
            var ids = await db.Users.Where(u => u.Email == member || u.Email == DemoAccounts.Author).Select(u => u.Id).ToListAsync();
            return await db.ReviewParticipants.Where(p => p.ReviewId == id && ids.Contains(p.UserId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, DateTime.UtcNow));
        });
        Assert.IsType<AccessRefused>((await download.DownloadAsync(await Portal.ActorAsync(member), versionId)).Error);
        Assert.IsType<AccessRefused>((await download.DownloadAsync(await Portal.ActorAsync(DemoAccounts.Author), versionId)).Error);
        Assert.Equal(4, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == AuditAction.Downloaded)));
    }

    private async Task<string> NewAuthorAsync()
    {
        var email = $"author-{Guid.NewGuid():N}@example.org";
        var created = await Portal.Get<Workflows.Admin.CreateUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new Workflows.Admin.NewUser("Other Author", email, null, new Workflows.Accounts.UserAccess([Domain.Access.Role.IndependentAuthor], [], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return email;
    }
}

public sealed class DraftsSqliteTests(SqliteMailFixture fixture) : DraftsTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class DraftsPostgresTests(PostgresMailFixture fixture) : DraftsTests(fixture), IClassFixture<PostgresMailFixture>;
