using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Crg;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Documents;

namespace Workflows.Crg;

public sealed record AttachCrgPaper(long ItemId, string? Title, Stream? Content, string? FileName);

/// The office's officer attaches a paper (a chronology, a scoping report, the final report) to a case on a CRG meeting's
/// agenda, until the CRG's outcome for it is recorded: a document of kind CrgPaper in the document store, checked and
/// stored as every other upload, that the meeting's readers download from its papers (CrgPaperAccessRule).
public sealed class AttachCrgPaperHandler(IReviewDbFactory dbs, AuditLog audit, DocumentUploads uploads)
{
    public const string TitleField = "Title";

    public Task<Result<long>> HandleAsync(Actor actor, AttachCrgPaper input, CancellationToken ct = default) =>
        uploads.SaveOrDiscardAsync(files => AttachAsync(actor, input, files, ct));

    private async Task<Result<long>> AttachAsync(Actor actor, AttachCrgPaper input, UploadBatch files, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var item = await db.CrgAgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == input.ItemId, ct);
        var meeting = item is null ? null : await db.CrgMeetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct);
        if (item is null || meeting is null || !CrgAccess.CanChange(actor, meeting.OfficeId))
        {
            await audit.RefusedAsync(db, actor, "CrgAgendaItem", input.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture), item?.ReviewId, "attach a CRG paper", ct);
            return new AccessRefused("this CRG meeting's papers");
        }

        if (item.Outcome is not null)
        {
            return new Error("The CRG's outcome is recorded for this case: its papers are the record of the meeting and take no more documents.");
        }

        var title = input.Title?.Trim();
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(new Error("Say what the paper is, for example \"Chronology\" or \"Scoping report\" (no names: use the case label).", TitleField));
        }
        else if (title.Length > Document.TitleMaxLength)
        {
            errors.Add(new Error($"Keep the paper's title to {Document.TitleMaxLength} characters.", TitleField));
        }

        if (input.Content is null || string.IsNullOrWhiteSpace(input.FileName))
        {
            errors.Add(new Error("Choose the paper's file: a PDF, Word document (.docx) or OpenDocument text (.odt).", DocumentFiles.FieldName));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var version = await files.AddVersionAsync(db, actor, item.ReviewId, DocumentKind.CrgPaper, CrgAgendaItem.DocumentOwnerKey(item.Id), title!,
            input.Content!, input.FileName!, null, ct);
        if (!version.IsSuccess)
        {
            return new ValidationFailed([version.Error! with { Field = DocumentFiles.FieldName }]);
        }

        var reference = await db.Reviews.Where(r => r.Id == item.ReviewId).Select(r => r.Reference).SingleAsync(ct);
        audit.Add(db, actor, AuditAction.Created, "CrgMeeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.ReviewId, reference,
            $"paper \"{title}\" attached for the CRG");
        await db.SaveChangesAsync(ct);
        return version.Value.Id;
    }
}
