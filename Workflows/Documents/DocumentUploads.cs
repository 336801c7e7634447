using System.Security.Cryptography;
using Domain;
using Domain.Access;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Documents;

/// Adds a version to a document (a new document when existingDocumentId is null): checks the file by content and size,
/// stores it under a random name and adds the rows. The caller has checked authorization and saves in its own
/// transaction. If that save fails, the stored file is an orphan under a random name that nothing points to.
public sealed class DocumentUploads(IDocumentStorage storage, DocumentOptions options, BusinessClock clock)
{
    public long MaxBytes => options.MaxBytes;

    public async Task<Result<DocumentVersion>> AddVersionAsync(IReviewDb db, Actor actor, int reviewId, DocumentKind kind,
        string ownerKey, string title, Stream content, string fileName, long? existingDocumentId, CancellationToken ct)
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
