using System.Globalization;
using System.Security.Cryptography;
using Domain.Calendar;
using Infrastructure.Backups;
using Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Audit;

namespace Portal.EndToEnd.Tests;

/// Issue 17: a backup of the SQLite portal taken (by the `backup` command, its own process) while another connection
/// writes, restored (by the `restore` command) into a fresh data folder, is the portal as it was: the portal starts on
/// it, every table's row count and every document's checksum match the backup's manifest, and people sign in with
/// their password and authenticator and read a restricted name; a browser signed in before the backup stays signed
/// in, because the key ring came back with the data.
[Collection(BrowserCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int ReviewId = 1;

    private readonly string _backups = Directory.CreateTempSubdirectory("portal-backups-").FullName;
    private readonly string _restored = Directory.CreateTempSubdirectory("portal-restored-").FullName;
    private readonly PortalFactory _source = new(demoData: true, kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        Directory.Delete(_backups, recursive: true);
        Directory.Delete(_restored, recursive: true);
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_RestoresIntoAFreshFolder_WherePeopleSignInWithTwoFactor_AndReadRestrictedNames()
    {
        var key = await TestAccounts.TurnOnAuthenticatorAsync(_source, DemoAccounts.LrOfficer);
        var documents = new List<Domain.Documents.DocumentVersion>();
        foreach (var (content, fileName) in new[] { (SampleDocuments.Pdf("one"), "one.pdf"), (SampleDocuments.Docx("two"), "two.docx"), (SampleDocuments.Odt("three"), "three.odt") })
        {
            documents.Add(await TestAccounts.AddDocumentAsync(_source, ReviewId, DemoAccounts.LrOfficer, content, fileName));
        }

        var name = await _source.RealNameAsync(ReviewId);
        await using var before = await PortalPage.OpenAsync(browser, _source);
        await before.SignInWithAuthenticatorAsync(DemoAccounts.LrOfficer, _source.DemoPassword, key);
        await before.ExpectRestrictedNameAsync(ReviewId, name);

        // Another connection writes audit rows, one transaction after another, for as long as the backup runs.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            var audit = _source.Get<AuditLog>();
            var officer = await _source.ActorAsync(DemoAccounts.LrOfficer);
            while (!stop.IsCancellationRequested)
            {
                await _source.WithDbAsync(async db =>
                {
                    audit.Add(db, officer, Domain.Audit.AuditAction.Viewed, "Review", ReviewId.ToString(CultureInfo.InvariantCulture), ReviewId);
                    return await db.SaveChangesAsync();
                });
                written++;
            }
        });
        while (written < 5)
        {
            await Task.Delay(10);
        }

        var auditBefore = await CountAsync(_source.DataPath, "AuditEvents");
        var backup = await PortalProcess.RunAsync(Settings(_source.DataPath), "backup");
        var auditAfter = await CountAsync(_source.DataPath, "AuditEvents");
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var folder = backup.Output.Trim();
        var manifest = await BackupManifest.ReadAsync(folder, CancellationToken.None);

        // The backup is the database at one moment while the writer wrote: some of its rows are in it, later ones not.
        Assert.InRange(manifest.Tables["AuditEvents"], auditBefore + 1, auditAfter - 1);
        // Every stored document is in it: the test's three and the demo data set's drafts and returns.
        var storedNames = await _source.WithDbAsync(db => db.DocumentVersions.Select(v => v.StoredName).ToListAsync());
        Assert.Subset(storedNames.ToHashSet(), documents.Select(d => d.StoredName).ToHashSet());
        Assert.Equal(storedNames.Select(n => "documents/" + n).Order(), manifest.Files.Select(f => f.Path).Where(p => p.StartsWith("documents/", StringComparison.Ordinal)).Order());
        Assert.Contains(manifest.Files, f => f.Path.StartsWith("keys/", StringComparison.Ordinal));
        Assert.Equal(KeyRingProtection.None, manifest.KeyRing.Kind);
        Assert.Empty(manifest.MissingDocuments);
        OwnerOnly(folder);

        var restore = await PortalProcess.RunAsync(Settings(_restored), "restore", folder);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        // When the backup was made reads as on the portal's pages: a UK date and time, in London.
        Assert.StartsWith($"Restored the backup of {UkDate.FormatWithTime(manifest.CreatedAtUtc)} London time (release {manifest.Release}): ",
            restore.Output, StringComparison.Ordinal);
        var again = await PortalProcess.RunAsync(Settings(_restored), "restore", folder);
        Assert.True(again.ExitCode == 1 && again.Error.Contains("is not empty", StringComparison.Ordinal), again.ToString());
        foreach (var restoredFolder in Directory.GetDirectories(_restored))
        {
            OwnerOnly(restoredFolder);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_restored, "portal.db")));

        await using var restored = new PortalFactory(demoData: false, kestrel: true, dataPath: _restored);
        _ = restored.ServerAddress; // starts it: migrates
        foreach (var (table, rows) in manifest.Tables)
        {
            Assert.True(rows == await CountAsync(_restored, table), $"{table}: {rows} in the backup");
        }

        foreach (var document in documents)
        {
            var stored = await restored.WithDbAsync(db => db.DocumentVersions.SingleAsync(v => v.Id == document.Id));
            var file = Path.Combine(_restored, "documents", stored.StoredName);
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
            Assert.Equal(manifest.Files.Single(f => f.Path == "documents/" + stored.StoredName).Sha256, document.Sha256);
        }

        // The browser signed in before the backup: its cookie opens the restored portal, whose key ring is the same.
        await using var signedInBefore = await PortalPage.OpenAsync(browser, restored);
        await signedInBefore.Page.Context.AddCookiesAsync((await before.Page.Context.CookiesAsync()).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await signedInBefore.ExpectRestrictedNameAsync(ReviewId, name);

        await using var tab = await PortalPage.OpenAsync(browser, restored);
        await tab.SignInWithAuthenticatorAsync(DemoAccounts.LrOfficer, restored.DemoPassword, key);
        await tab.ExpectRestrictedNameAsync(ReviewId, name);
        await tab.AssertAccessibleAsync();
    }

    private static Dictionary<string, string> Settings(string dataPath) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataPath"] = dataPath,
        ["Seed:DemoData"] = "false",
    };

    /// Rows of a table, read straight from the file (the way the backup counts them).
    private static async Task<long> CountAsync(string dataPath, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// Backups and restored data are the portal's account's alone: folders 0700, files 0600.
    private static void OwnerOnly(string folder)
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db-wal", StringComparison.Ordinal) && !f.EndsWith(".db-shm", StringComparison.Ordinal)))
        {
            Assert.True(File.GetUnixFileMode(file) == owner, $"{file} is {File.GetUnixFileMode(file)}");
        }

        foreach (var sub in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(sub) == (owner | UnixFileMode.UserExecute), $"{sub} is {File.GetUnixFileMode(sub)}");
        }
    }
}
