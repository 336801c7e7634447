using Infrastructure.Data;
using Portal.Testing;
using Workflows.Documents;

namespace Portal.Integration.Tests;

/// Issue 17: documents where every portal process reads them. Documents:Store=Database keeps them in the database: two
/// processes with data folders of their own each read what the other stored, and no file is written. With documents as
/// files on PostgreSQL, a process whose folder is not the shared one does not start.
public abstract class DocumentStoreTests(ProviderFixture fixture, DatabaseProvider provider)
{
    private PortalFactory Portal => fixture.Portal;

    private PortalFactory SecondProcess(Action<PortalFactory>? configure = null)
    {
        var portal = provider == DatabaseProvider.PostgreSql
            ? new PortalFactory(provider, demoData: false, postgresConnection: Portal.PostgresConnection)
            : new PortalFactory(provider, demoData: false, dataPath: Portal.DataPath);
        configure?.Invoke(portal);
        return portal;
    }

    [Fact]
    public async Task DatabaseStore_WhatOneProcessStores_AnotherReads_AndDeletes_WithNoFileWritten()
    {
        await using var one = SecondProcess(p => p.Set("Documents:Store", "Database"));
        await using var other = SecondProcess(p => p.Set("Documents:Store", "Database"));
        var content = SampleDocuments.Docx("Stored in the database");

        var version = await TestAccounts.AddDocumentAsync(one, 1, DemoAccounts.LrOfficer, content, "return.docx");

        await using (var read = await other.Get<IDocumentStorage>().OpenReadAsync(version.StoredName))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        Assert.False(File.Exists(Path.Combine(one.DataPath, "documents", version.StoredName)));
        Assert.False(File.Exists(Path.Combine(Portal.DataPath, "documents", version.StoredName)));
        await other.Get<IDocumentStorage>().DeleteAsync(version.StoredName);
        await Assert.ThrowsAsync<FileNotFoundException>(() => one.Get<IDocumentStorage>().OpenReadAsync(version.StoredName));
    }
}

public sealed class SqliteDocumentStoreTests(SqliteFixture fixture) : DocumentStoreTests(fixture, DatabaseProvider.Sqlite), IClassFixture<SqliteFixture>;

public sealed class PostgresDocumentStoreTests(PostgresFixture fixture) : DocumentStoreTests(fixture, DatabaseProvider.PostgreSql), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task FolderStore_AProcessWhoseFolderIsNotTheSharedOne_DoesNotStart_AndOneOnTheSharedFolderDoes()
    {
        var shared = Path.Combine(fixture.Portal.DataPath, "documents");
        await TestAccounts.AddDocumentAsync(fixture.Portal, 1, DemoAccounts.LrOfficer, SampleDocuments.Pdf("Shared"), "shared.pdf");

        // The built portal as deployed, with a data folder (and so a documents folder) of its own: it says why in one
        // line and exits with code 1, with no stack trace (as the other start refusals).
        var ownFolder = Directory.CreateTempSubdirectory("portal-own-folder-").FullName;
        try
        {
            using var refused = PortalProcess.StartServer(new Dictionary<string, string>
            {
                // The database holds the demo accounts, which a Production start refuses before this check.
                ["ASPNETCORE_ENVIRONMENT"] = "Staging",
                ["Database:Provider"] = "PostgreSql",
                ["Database:PostgreSqlConnection"] = fixture.Portal.PostgresConnection!,
                ["Database:DataPath"] = ownFolder,
                ["Jobs:Enabled"] = "false",
            });
            Assert.True(refused.ExitsWithin(TimeSpan.FromMinutes(2)), refused.Output);
            Assert.Equal(1, refused.Process.ExitCode);
            var lines = refused.Output.Split(Environment.NewLine);
            var said = Assert.Single(lines, line => line.StartsWith("The portal did not start: The documents folder ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("Unhandled exception", StringComparison.Ordinal));
            Assert.Contains("is not the folder the other portal processes use", said, StringComparison.Ordinal);
            Assert.Contains("Documents:Store=Database", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(ownFolder, recursive: true);
        }

        await using var onShared = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, postgresConnection: fixture.Portal.PostgresConnection);
        onShared.Set("Documents:Folder", shared);
        Assert.NotNull(onShared.Services);
    }
}
