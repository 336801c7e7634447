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

        await using (var ownFolder = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, postgresConnection: fixture.Portal.PostgresConnection))
        {
            var refused = Assert.ThrowsAny<Exception>(() => ownFolder.Services);
            Assert.Contains("is not the folder the other portal processes use", refused.ToString(), StringComparison.Ordinal);
            Assert.Contains("Documents:Store=Database", refused.ToString(), StringComparison.Ordinal);
        }

        await using var onShared = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, postgresConnection: fixture.Portal.PostgresConnection);
        onShared.Set("Documents:Folder", shared);
        Assert.NotNull(onShared.Services);
    }
}
