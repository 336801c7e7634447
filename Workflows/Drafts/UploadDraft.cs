using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Documents;
using Domain.Drafts;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Drafts;

public sealed record UploadDraft(int ReviewId, DateOnly? CommentsDue, Stream? Content, string? FileName);

public sealed record DraftUploaded(long DraftId, int Number, DateOnly CommentsDue, int PanelMembersAsked);

/// The appointed chair/author (or the lead office on their behalf) shares the next draft of the overview report
/// while the review is at "Panel and report writing". It becomes draft n+1 (a Document of kind Draft, owner key
/// "draft:{id}") and opens its comment round: each current panel member gets an email through the outbox and a task
/// due on the deadline, and the lead office a task to close the round. All in one transaction.
public sealed class UploadDraftHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DocumentUploads uploads, IOutbox outbox,
    EmailOptions email)
{
    public const string EmailReason = "DraftForComment";

    public const string NoPanel = "Nobody on this review's panel can be asked to comment yet: add panel members on the panel page, then share the draft.";

    public Task<Result<DraftUploaded>> HandleAsync(Actor actor, UploadDraft input, CancellationToken ct = default) =>
        uploads.SaveOrDiscardAsync(files => UploadAsync(actor, input, files, ct));

    private async Task<Result<DraftUploaded>> UploadAsync(Actor actor, UploadDraft input, UploadBatch files, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var roles = await ReviewRoles.LoadAsync(db, actor, input.ReviewId, ct);
        if (roles is not { ManagesDrafts: true })
        {
            await audit.RefusedAsync(db, actor, "Draft", null, roles?.ReviewId, "upload draft", ct);
            return new AccessRefused("the drafts of this review (the appointed chair/author and the lead office share them)");
        }

        if (roles.Stage != Stage.PanelAndReport)
        {
            return new Error($"Drafts are shared while the review is at \"{StageNames.Describe(Stage.PanelAndReport)}\"; "
                + $"this review is at \"{StageNames.Describe(roles.Stage)}\".");
        }

        var members = await (from p in db.ReviewParticipants.PanelMembers(input.ReviewId)
                             join u in db.Users on p.UserId equals u.Id
                             where !u.IsDisabled && u.Email != null
                             select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        if (members.Count == 0)
        {
            // A round with nobody to comment would wait for comments that never come.
            return new Error(NoPanel);
        }

        var today = clock.Today;
        var errors = new List<Error>();
        if (CommentWindow.CheckDeadline(input.CommentsDue, today) is { } badDeadline)
        {
            errors.Add(badDeadline);
        }

        if (input.Content is null || string.IsNullOrWhiteSpace(input.FileName))
        {
            errors.Add(new Error("Choose the draft's file: a Word document (.docx), PDF or OpenDocument text (.odt).", DocumentFiles.FieldName));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var due = input.CommentsDue!.Value;
        var now = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = (await db.Drafts.Where(d => d.ReviewId == input.ReviewId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var draft = new Draft { ReviewId = input.ReviewId, Number = number, CommentsDue = due, UploadedByUserId = actor.UserId, UploadedAtUtc = now };
        db.Drafts.Add(draft);
        try
        {
            // The draft's id is its document's owner key.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Conflict("The list of drafts");
        }

        var version = await files.AddVersionAsync(db, actor, input.ReviewId, DocumentKind.Draft, draft.OwnerKey, $"Draft {number}",
            input.Content!, input.FileName!, null, ct);
        if (!version.IsSuccess)
        {
            return new ValidationFailed([version.Error! with { Field = DocumentFiles.FieldName }]);
        }

        foreach (var member in members.OrderBy(m => m.Email, StringComparer.Ordinal))
        {
            var task = NewTask(input.ReviewId, WorkItemKind.CommentOnDraft, $"Comment on draft {number}", due, now);
            task.CandidateUserId = member.Id;
            db.WorkItems.Add(task);
            draft.Invitations.Add(new DraftInvitation { UserId = member.Id, WorkItem = task });
            await outbox.EnqueueAsync(db, new OutgoingEmail(member.Email!, member.Id, EmailReason, draft.OwnerKey, EmailReason, new Dictionary<string, string>
            {
                ["Number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CaseLabel"] = roles.CaseLabel,
                ["Reference"] = roles.Reference,
                ["CommentsDue"] = UkDate.Format(due),
                ["Link"] = email.LinkTo($"reviews/{input.ReviewId}/drafts"),
                ["PortalBaseUrl"] = email.PortalBaseUrl,
            }, ReviewId: input.ReviewId), ct);
        }

        var officeTask = NewTask(input.ReviewId, WorkItemKind.CloseDraftComments, $"Gather the panel's comments on draft {number} and close the round", CommentWindow.OfficeTaskDue(due), now);
        officeTask.OfficeId = roles.LeadOfficeId;
        officeTask.CandidateRole = Role.ReviewOfficer;
        db.WorkItems.Add(officeTask);
        draft.OfficeWorkItem = officeTask;
        audit.Add(db, actor, AuditAction.Created, "Draft", draft.Id.ToString(), input.ReviewId, roles.Reference,
            $"draft {number} shared for comments until {UkDate.Format(due)}; {PanelMembers(members.Count)} asked");
        await db.SaveChangesAsync(ct);
        draft.DocumentId = version.Value.DocumentId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DraftUploaded(draft.Id, number, due, members.Count);
    }

    public static string PanelMembers(int count) => count == 1 ? "1 panel member" : $"{count} panel members";

    private static WorkItem NewTask(int reviewId, WorkItemKind kind, string title, DateOnly due, DateTime now) => new()
    {
        ReviewId = reviewId,
        Kind = kind,
        Title = title,
        Stage = Stage.PanelAndReport,
        IsProcessStep = false,
        DueDate = due,
        Priority = WorkItemPriority.Normal,
        Status = WorkItemStatus.Open,
        CreatedAtUtc = now,
    };
}
