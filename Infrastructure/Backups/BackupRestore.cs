using Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Documents;

namespace Infrastructure.Backups;

/// Puts a SQLite backup into this portal's data folder (Database:DataPath), which must be empty or absent, as must the
/// documents folder: a restore never mixes a backup with other data. Every file is checked against the manifest before
/// anything is written, and the restored database's row counts after.
public sealed class BackupRestore(DataFolder data, DatabaseOptions database, IDocumentStorage documents, IServiceScopeFactory scopes)
{
    public async Task<BackupManifest> RestoreAsync(string backupFolder, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(backupFolder);
        var manifest = await BackupManifest.ReadAsync(source, ct);
        if (manifest.Provider != nameof(DatabaseProvider.Sqlite) || database.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException("Only a SQLite backup restores into a SQLite portal: a PostgreSQL database is restored with "
                + "scripts/postgres-restore.sh (pg_restore), as docs/DEPLOYMENT.md describes.");
        }

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(source, file.Path);
            if (!File.Exists(path) || !(await BackupFile.OfAsync(source, file.Path, ct)).Equals(file))
            {
                throw new BackupException($"The backup is damaged: {file.Path} is missing or does not match its checksum. Nothing was restored.");
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var known = scope.ServiceProvider.GetRequiredService<ReviewDb>().Database.GetMigrations();
            if (!known.Contains(manifest.Migration))
            {
                throw new BackupException($"The backup was made by a newer release ({manifest.Release}, migration {manifest.Migration}): "
                    + "restore it with that release or a later one. Nothing was restored.");
            }
        }

        var documentsFolder = (documents as FolderDocumentStorage)?.Folder;
        foreach (var folder in new[] { data.Path, documentsFolder }.OfType<string>().Distinct())
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any(e => !string.Equals(e, documentsFolder, StringComparison.Ordinal) || Directory.EnumerateFileSystemEntries(e).Any()))
            {
                throw new BackupException($"{folder} is not empty: a backup is restored into a fresh data folder only, so that nothing of "
                    + "another portal mixes with it. Point Database:DataPath (and Documents:Folder) at empty folders. Nothing was restored.");
            }
        }

        foreach (var file in manifest.Files)
        {
            var target = file.Path switch
            {
                SqliteBackup.DatabaseFile => database.SqliteFile(data.Path),
                _ when file.Path.StartsWith("documents/", StringComparison.Ordinal) => Path.Combine(
                    documentsFolder ?? throw new BackupException("The backup holds document files but Documents:Store is not Folder."),
                    file.Path["documents/".Length..]),
                _ => Path.Combine(data.Path, file.Path),
            };
            BackupFiles.CreateFolder(Path.GetDirectoryName(target)!);
            await using (var from = File.OpenRead(Path.Combine(source, file.Path)))
            await using (var to = BackupFiles.Create(target))
            {
                await from.CopyToAsync(to, ct);
            }
        }

        var (tables, _, _) = await SqliteCopy.DescribeAsync(database.SqliteFile(data.Path), ct);
        var different = manifest.Tables.Where(t => !tables.TryGetValue(t.Key, out var rows) || rows != t.Value).Select(t => t.Key).ToList();
        return different.Count == 0
            ? manifest
            : throw new BackupException($"The restored database does not match the manifest (tables {string.Join(", ", different)}): do not start the portal on it.");
    }
}
