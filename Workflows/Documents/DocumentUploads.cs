using System.Security.Cryptography;
using Domain;
using Domain.Access;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Data;
using Workflows.Files;
using Workflows.Time;

namespace Workflows.Documents;

/// Adds versions to documents. A file is stored before the rows that point to it are saved (the caller saves in its own
/// transaction), so every upload runs inside SaveOrDiscardAsync: unless the operation succeeds, the files it stored
/// are deleted again and no file is left behind that nothing refers to.
public sealed class DocumentUploads(IDocumentStorage storage, DocumentOptions options, BusinessClock clock, ILogger<DocumentUploads> logger)
{
    public long MaxBytes => options.MaxBytes;

    /// Runs an operation (a handler's body) that stores files through its UploadBatch and saves their rows. A successful
    /// result must mean the save committed; an error result or an exception means it did not, and the stored files go.
    public async Task<Result<T>> SaveOrDiscardAsync<T>(Func<UploadBatch, Task<Result<T>>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var batch = new UploadBatch(this);
        var committed = false;
        try
        {
            var result = await operation(batch);
            committed = result.IsSuccess;
            return result;
        }
        finally
        {
            if (!committed)
            {
                await DiscardAsync(batch.StoredNames);
            }
        }
    }

    private async Task DiscardAsync(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            try
            {
                // Not the operation's token: a cancelled request must still clean up.
                await storage.DeleteAsync(name, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the operation's own outcome (its error or exception) is what the caller must see.
            }
        }
    }

    /// Adds a version to a document (a new document when existingDocumentId is null): checks the file by content and
    /// size, stores it under a random name and adds the rows. The caller has checked authorization.
    internal async Task<Result<DocumentVersion>> AddVersionAsync(IReviewDb db, Actor actor, int reviewId, DocumentKind kind,
        string ownerKey, string title, Stream content, string fileName, long? existingDocumentId, Action<string> stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (title.Length > Document.TitleMaxLength || ownerKey.Length > Document.OwnerKeyMaxLength)
        {
            throw new ArgumentException("Title or owner key too long.", nameof(title));
        }

        await using var buffer = await BufferAsync(content, options.MaxBytes, ct);
        var type = DocumentFiles.Check(buffer, fileName, options.MaxBytes);
        if (!type.IsSuccess)
        {
            if (type.Error is FileRefused refused)
            {
                // The reason and ids only: a file's name may hold a person's name.
                logger.LogWarning("Document upload refused for user {UserId} on review {ReviewId} ({Kind}): {Problem}", actor.UserId, reviewId, kind, refused.Problem);
            }

            return type.Error!;
        }

        Document document;
        if (existingDocumentId is long id)
        {
            var existing = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (existing is null || existing.ReviewId != reviewId || existing.Kind != kind || existing.OwnerKey != ownerKey)
            {
                return new NotFound("The document");
            }

            document = existing;
            document.CurrentVersion++;
        }
        else
        {
            document = new Document
            {
                ReviewId = reviewId,
                Kind = kind,
                Title = title,
                OwnerKey = ownerKey,
                CreatedAtUtc = clock.UtcNow,
                CurrentVersion = 1,
            };
            db.Documents.Add(document);
        }

        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, ct));
        buffer.Position = 0;
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await storage.SaveAsync(storedName, buffer, ct);
        stored(storedName);

        var version = new DocumentVersion
        {
            Document = document,
            Number = document.CurrentVersion,
            StoredName = storedName,
            Extension = type.Value.Extension,
            ContentType = type.Value.ContentType,
            SizeBytes = buffer.Length,
            Sha256 = sha,
            UploadedByUserId = actor.UserId,
            UploadedAtUtc = clock.UtcNow,
        };
        db.DocumentVersions.Add(version);
        return version;
    }

    /// Reads at most one byte more than the limit, so that an oversized upload is refused without reading all of it.
    private static async Task<MemoryStream> BufferAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            // A picked file may be sent again after another field's error.
            content.Position = 0;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
            if (buffer.Length > maxBytes)
            {
                break;
            }
        }

        buffer.Position = 0;
        return buffer;
    }
}

/// The files one operation stored (see DocumentUploads.SaveOrDiscardAsync), so that they can be deleted if it fails.
public sealed class UploadBatch
{
    private readonly DocumentUploads _uploads;
    private readonly List<string> _storedNames = [];

    internal UploadBatch(DocumentUploads uploads) => _uploads = uploads;

    internal IReadOnlyList<string> StoredNames => _storedNames;

    public Task<Result<DocumentVersion>> AddVersionAsync(IReviewDb db, Actor actor, int reviewId, DocumentKind kind,
        string ownerKey, string title, Stream content, string fileName, long? existingDocumentId, CancellationToken ct) =>
        _uploads.AddVersionAsync(db, actor, reviewId, kind, ownerKey, title, content, fileName, existingDocumentId, _storedNames.Add, ct);
}
