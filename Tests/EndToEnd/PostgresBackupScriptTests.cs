using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Infrastructure.Backups;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 17: the PostgreSQL backup and restore scripts (pg_dump and pg_restore, as docs/DEPLOYMENT.md tells an IT team
/// to run them) with documents in a folder: the restored database and folder are the portal as it was: every table's
/// row count and every document's checksum match the manifest, and the officer signs in with their authenticator (the
/// key ring is in the database) and reads a restricted name.
[Collection(BrowserCollection.Name)]
public sealed class PostgresBackupScriptTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int ReviewId = 1;

    private readonly string _backups = Directory.CreateTempSubdirectory("portal-pg-backups-").FullName;
    private readonly string _restoredDocuments = Path.Combine(Directory.CreateTempSubdirectory("portal-pg-restored-").FullName, "documents");
    private readonly PortalFactory _source = new(DatabaseProvider.PostgreSql, demoData: true, kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        Directory.Delete(_backups, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_restoredDocuments)!, recursive: true);
    }

    [Fact]
    public async Task BackupScript_ThenRestoreScript_IntoANewDatabase_IsThePortalAsItWas()
    {
        var key = await TestAccounts.TurnOnAuthenticatorAsync(_source, DemoAccounts.LrOfficer);
        var document = await TestAccounts.AddDocumentAsync(_source, ReviewId, DemoAccounts.LrOfficer, SampleDocuments.Pdf("kept"), "kept.pdf");
        var name = await _source.RealNameAsync(ReviewId);

        var backup = await ScriptAsync(_source.PostgresConnection!, "postgres-backup.sh", _backups, "--documents", Path.Combine(_source.DataPath, "documents"),
            "--portal", PortalProcess.BinFolder);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var folder = backup.Output.Trim();
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, BackupManifest.FileName)),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(BackupManifest.CurrentRelease, manifest.Release);
        Assert.Contains(manifest.Files, f => f.Path == "documents/" + document.StoredName && f.Sha256 == document.Sha256);
        Assert.Equal(await _source.WithDbAsync(db => db.Users.CountAsync()), manifest.Tables["AspNetUsers"]);

        var restoredConnection = TestPostgres.NewDatabaseConnectionString();
        var restore = await ScriptAsync(restoredConnection, "postgres-restore.sh", folder, "--documents", _restoredDocuments);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var again = await ScriptAsync(restoredConnection, "postgres-restore.sh", folder, "--documents", _restoredDocuments);
        Assert.True(again.ExitCode == 1, again.ToString());

        await using var restored = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, kestrel: true, postgresConnection: restoredConnection);
        restored.Set("Documents:Folder", _restoredDocuments);
        _ = restored.ServerAddress;
        await using (var connection = new NpgsqlConnection(restoredConnection))
        {
            await connection.OpenAsync();
            foreach (var (table, rows) in manifest.Tables)
            {
                await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
                Assert.True(rows == (long)(await count.ExecuteScalarAsync())!, $"{table}: {rows} in the backup");
            }
        }

        Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_restoredDocuments, document.StoredName)))));
        await using var tab = await PortalPage.OpenAsync(browser, restored);
        await tab.SignInWithAuthenticatorAsync(DemoAccounts.LrOfficer, restored.DemoPassword, key);
        await tab.ExpectRestrictedNameAsync(ReviewId, name);
    }

    /// Runs one of scripts/ with the portal's connection string in Database__PostgreSqlConnection, as the docs say.
    private static async Task<CommandRun> ScriptAsync(string connection, string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "scripts", script), .. arguments]);
        info.Environment["Database__PostgreSqlConnection"] = connection;
        return await CommandRun.OfAsync(info);
    }
}
