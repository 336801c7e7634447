using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Documents;

namespace Infrastructure.Documents;

/// A document file's bytes as a row, when Documents:Store is Database, keyed by its version's stored name as a file would be.
public sealed class StoredDocument
{
    public required string StoredName { get; set; }

    public required byte[] Content { get; set; }
}

/// Document files in the database (Documents:Store=Database), so that every portal process on one PostgreSQL database
/// reads every document without a shared folder, and a pg_dump holds them. Like a file, a content row is saved on its
/// own before the rows that refer to it (DocumentUploads deletes it again if they are not saved).
public sealed class DatabaseDocumentStorage(IReviewDbFactory dbs) : IDocumentStorage
{
    public async Task SaveAsync(string storedName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        await using var db = await ContextAsync(ct);
        db.DocumentContents.Add(new StoredDocument { StoredName = storedName, Content = buffer.ToArray() });
        await db.SaveChangesAsync(ct);
    }

    public async Task<Stream> OpenReadAsync(string storedName, CancellationToken ct = default)
    {
        await using var db = await ContextAsync(ct);
        var content = await db.DocumentContents.Where(d => d.StoredName == storedName).Select(d => d.Content).SingleOrDefaultAsync(ct);
        return content is null
            ? throw new FileNotFoundException("No stored document has this name.", storedName)
            : new MemoryStream(content, writable: false);
    }

    public async Task DeleteAsync(string storedName, CancellationToken ct = default)
    {
        await using var db = await ContextAsync(ct);
        await db.DocumentContents.Where(d => d.StoredName == storedName).ExecuteDeleteAsync(ct);
    }

    // The table belongs to Infrastructure's context, not to the interface the use cases see.
    private async Task<ReviewDb> ContextAsync(CancellationToken ct) => (ReviewDb)await dbs.CreateAsync(ct);
}
