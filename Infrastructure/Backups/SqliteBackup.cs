using System.Globalization;
using System.Text.RegularExpressions;
using Infrastructure.Data;
using Infrastructure.Documents;
using Infrastructure.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Workflows.Documents;
using Workflows.Time;

namespace Infrastructure.Backups;

/// What one backup wrote: its folder and manifest.
public sealed record BackupResult(string Folder, BackupManifest Manifest);

/// A consistent backup of a running SQLite portal: the database, the document files its rows refer to and the key
/// ring, with a manifest, into a folder of its own under Backup:Folder; then older backups past Backup:KeepDays go.
/// The database is copied first with VACUUM INTO, one read transaction: in WAL mode writers carry on meanwhile and the
/// copy is the database as at its start. Document files are never changed once written (a new upload is a new file),
/// so copying those the copy's rows refer to, after it, gives a set that matches it exactly.
public sealed partial class SqliteBackup(DataFolder data, DatabaseOptions database, BackupOptions options, IDocumentStorage documents,
    BusinessClock clock, ILogger<SqliteBackup> logger)
{
    public const string DatabaseFile = "portal.db";

    public string Root => options.FolderIn(data.Path);

    public async Task<BackupResult> RunAsync(CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException("This portal runs on PostgreSQL: back it up with scripts/postgres-backup.sh (pg_dump), as docs/DEPLOYMENT.md describes.");
        }

        BackupFiles.CreateFolder(Root);
        var now = clock.UtcNow;
        var name = "portal-" + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var n = 2; Directory.Exists(Path.Combine(Root, name)); n++)
        {
            name = $"{name.Split('.')[0]}.{n}";
        }

        // Written under a hidden name and renamed when complete: a backup folder with a visible name is a whole one.
        var partial = Path.Combine(Root, ".partial-" + name);
        BackupFiles.CreateFolder(partial);
        try
        {
            var manifest = await WriteAsync(partial, now, ct);
            var folder = Path.Combine(Root, name);
            Directory.Move(partial, folder);
            logger.LogInformation("Backup {Backup} written: {Tables} tables, {Files} files, {Missing} documents missing",
                name, manifest.Tables.Count, manifest.Files.Count, manifest.MissingDocuments.Count);
            Prune(now);
            return new BackupResult(folder, manifest);
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
    }

    private async Task<BackupManifest> WriteAsync(string folder, DateTime now, CancellationToken ct)
    {
        var copy = Path.Combine(folder, DatabaseFile);
        await using (var live = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.SqliteFile(data.Path), Pooling = false }.ToString()))
        {
            await live.OpenAsync(ct);
            await using var vacuum = live.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", copy);
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        PrivateFiles.MakePrivate(copy);
        var (tables, migration, storedNames) = await SqliteCopy.DescribeAsync(copy, ct);
        var files = new List<BackupFile> { await BackupFile.OfAsync(folder, DatabaseFile, ct) };

        var missing = new List<string>();
        if (documents is FolderDocumentStorage store)
        {
            foreach (var stored in storedNames)
            {
                var source = Path.Combine(store.Folder, stored);
                if (File.Exists(source))
                {
                    files.Add(await BackupFiles.CopyAsync(source, folder, $"documents/{stored}", ct));
                }
                else
                {
                    missing.Add(stored);
                }
            }
        }

        var keys = Path.Combine(data.Path, "keys");
        var keyFiles = Directory.Exists(keys) ? Directory.GetFiles(keys, "*.xml").Order(StringComparer.Ordinal).ToList() : [];
        foreach (var key in keyFiles)
        {
            files.Add(await BackupFiles.CopyAsync(key, folder, $"keys/{Path.GetFileName(key)}", ct));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, now, BackupManifest.CurrentRelease, nameof(DatabaseProvider.Sqlite), migration, tables, files, missing,
            KeyRingFiles.Describe(keyFiles));
        await manifest.WriteAsync(folder, ct);
        return manifest;
    }

    /// Removes backups older than KeepDays, never the newest, and half-written ones a day old (their process died).
    private void Prune(DateTime now)
    {
        var backups = Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Select(n => (Name: n, Match: BackupName().Match(n))).Where(b => b.Match.Success)
            .Select(b => (b.Name, At: DateTime.ParseExact(b.Match.Groups["at"].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)))
            .OrderByDescending(b => b.At).ToList();
        foreach (var (name, at) in backups.Skip(1).Where(b => b.At < now.AddDays(-options.KeepDays)))
        {
            Directory.Delete(Path.Combine(Root, name), recursive: true);
            logger.LogInformation("Backup {Backup} removed: older than {KeepDays} days", name, options.KeepDays);
        }

        foreach (var partial in Directory.GetDirectories(Root, ".partial-*").Where(p => Directory.GetCreationTimeUtc(p) < now.AddDays(-1)))
        {
            Directory.Delete(partial, recursive: true);
        }
    }

    [GeneratedRegex(@"^portal-(?<at>\d{8}T\d{6}Z)(\.\d+)?$")]
    private static partial Regex BackupName();
}

/// Reads a copied SQLite database (a backup's, or a restored one): row counts of every table, the latest migration,
/// and the stored names of the document files its rows refer to.
internal static class SqliteCopy
{
    public static async Task<(SortedDictionary<string, long> Tables, string Migration, List<string> StoredNames)> DescribeAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var names = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct);
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in names)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            tables[table] = (long)(await count.ExecuteScalarAsync(ct))!;
        }

        var migration = (await ListAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1", ct)).SingleOrDefault()
            ?? throw new BackupException($"{file} has no migrations applied: it is not a portal database.");
        var stored = await ListAsync(connection, "SELECT StoredName FROM DocumentVersions ORDER BY StoredName", ct);
        return (tables, migration, stored);
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
