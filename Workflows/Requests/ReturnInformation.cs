using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Documents;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Time;

namespace Workflows.Requests;

/// The agency contact's return: the document (a new version when returning again) and an optional note.
public sealed record ReturnInformation(long RequestId, Stream Content, string FileName, string? Note, int ExpectedVersion);

public sealed class ReturnInformationHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DocumentUploads uploads)
{
    public Task<Result<int>> HandleAsync(Actor actor, ReturnInformation command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        return uploads.SaveOrDiscardAsync(files => ReturnAsync(actor, command, files, ct));
    }

    private async Task<Result<int>> ReturnAsync(Actor actor, ReturnInformation command, UploadBatch files, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var context = await RequestContext.LoadAsync(db, actor, command.RequestId, ct);
        var subjectId = command.RequestId.ToString(CultureInfo.InvariantCulture);
        if (context is null || !context.IsAgencyContact)
        {
            await audit.RefusedAsync(db, actor, "InformationRequest", subjectId, context?.Request.ReviewId, "return information", ct);
            return new AccessRefused("this information request");
        }

        var request = context.Request;
        if (request.Version != command.ExpectedVersion)
        {
            return new Conflict("This request");
        }

        if (!request.AwaitsReturn)
        {
            return new Error($"This request is {InformationRequest.Describe(request.Status).ToLowerInvariant()}: it is not waiting for a return.");
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note?.Length > InformationRequest.TextMaxLength)
        {
            return new ValidationFailed([new Error($"Keep the note to {InformationRequest.TextMaxLength} characters or fewer (it has {note.Length}).", nameof(command.Note))]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var title = $"{InformationRequest.Abbreviate(request.Type)} return ({context.Agency})";
        var added = await files.AddVersionAsync(db, actor, request.ReviewId, DocumentKind.InformationReturn, request.OwnerKey,
            title.Length > Document.TitleMaxLength ? title[..Document.TitleMaxLength] : title, command.Content, command.FileName, request.DocumentId, ct);
        if (!added.IsSuccess)
        {
            return new ValidationFailed([added.Error!]);
        }

        var now = clock.UtcNow;
        if (request.WorkItemId is long taskId && await db.WorkItems.SingleOrDefaultAsync(w => w.Id == taskId, ct) is { IsOpen: true } task)
        {
            task.Close(WorkItemStatus.Completed, "Information returned", actor.UserId, now);
        }

        request.Status = RequestStatus.Returned;
        request.ReturnNote = note;
        request.ReturnedAtUtc = now;
        request.WorkItemId = null;
        request.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This request");
        }

        request.DocumentId = added.Value.DocumentId;
        audit.Add(db, actor, AuditAction.Changed, "InformationRequest", subjectId, request.ReviewId, context.Reference,
            $"returned {request.Type} information, version {added.Value.Number}" + (note is null ? string.Empty : ", with a note"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added.Value.Number;
    }
}
