using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Infrastructure.Documents;

/// Checked on start when documents are files: the folder can be written, and it holds the latest documents the database
/// refers to. With PostgreSQL every portal process must use one shared folder (or Documents:Store=Database): a process
/// whose folder holds none of them is looking at a folder of its own, would refuse every download and keep its uploads
/// from the others, so it does not start. With SQLite (one process) a missing file is reported, not fatal. A refusal is a
/// StartRefusedException: the portal prints its one line and exits with code 1.
internal static class DocumentFolderCheck
{
    private const int Latest = 20;

    public static async Task CheckAsync(FolderDocumentStorage documents, ReviewDb db, ILogger logger, CancellationToken ct)
    {
        var probe = Path.Combine(documents.Folder, $".write-check-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [], ct);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartRefusedException($"The documents folder {documents.Folder} (Documents:Folder) cannot be written: {e.Message} "
                + "Give the portal's service account write access to it (docs/DEPLOYMENT.md, file permissions).");
        }

        var latest = await db.DocumentVersions.OrderByDescending(v => v.Id).Take(Latest).Select(v => v.StoredName).ToListAsync(ct);
        var missing = latest.Where(name => !File.Exists(Path.Combine(documents.Folder, name))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (missing.Count == latest.Count && db.Database.IsNpgsql())
        {
            throw new StartRefusedException($"The documents folder {documents.Folder} (Documents:Folder) holds none of the latest {latest.Count} "
                + "documents the database refers to, so it is not the folder the other portal processes use. With PostgreSQL and several "
                + "processes, every process must use one shared folder (a network share mounted at the same path on every server), "
                + "or set Documents:Store=Database. See docs/DEPLOYMENT.md, documents with several processes.");
        }

        logger.LogWarning("{Missing} of the latest {Latest} document files the database refers to are not in the documents folder {Folder}, e.g. {StoredName}",
            missing.Count, latest.Count, documents.Folder, missing[0]);
    }
}
