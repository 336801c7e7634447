using Domain;
using Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Time;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// A document file is stored before the rows that point to it are saved. When that save does not commit (a validation
/// that runs after storing, a concurrency conflict), the stored file is deleted again (DocumentUploads.SaveOrDiscardAsync):
/// the documents folder holds no file that nothing refers to, and no row is written. On a real database of each provider.
public abstract class DocumentUploadCleanupTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private string Folder => Path.Combine(Portal.DataPath, "documents");

    private string[] FilesInFolder() => Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder).Order(StringComparer.Ordinal)] : [];

    private static EvidenceFile Evidence(byte[] content, string name) => new(new MemoryStream(content), name);

    /// The real handler, its files stored through the real folder storage watched by the test.
    private PostActionUpdateHandler HandlerStoringThrough(WatchedStorage storage) => new(Portal.Get<IReviewDbFactory>(), Portal.Get<BusinessClock>(),
        Portal.Get<AuditLog>(), new DocumentUploads(storage, Portal.Get<DocumentOptions>(), Portal.Get<BusinessClock>(), Portal.Get<ILogger<DocumentUploads>>()),
        Portal.Get<ActionPlanMail>());

    private async Task<long> OpenActionAsync()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        return await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
    }

    private Task<(int Documents, int Versions, int Updates)> RowsAsync(long actionId)
    {
        var key = PlanAction.DocumentOwnerKey(actionId);
        return Portal.WithDbAsync(async db => (await db.Documents.CountAsync(d => d.OwnerKey == key),
            await db.DocumentVersions.CountAsync(v => v.Document!.OwnerKey == key), await db.ActionUpdates.CountAsync(u => u.ActionId == actionId)));
    }

    [Fact]
    public async Task PostUpdate_ValidationFailsAfterAFileWasStored_DeletesTheFile_AndSavesNoRow_ThenAGoodUpdateKeepsItsFile()
    {
        var actionId = await OpenActionAsync();
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var storage = new WatchedStorage(Portal.Get<IDocumentStorage>(), Folder);
        var before = FilesInFolder();

        // The first file is a real document and is stored; the second is not a document, so the update is refused after that.
        var refused = await HandlerStoringThrough(storage).HandleAsync(contact, actionId, new ActionUpdateInput("Training booked.", ActionStatus.OnTrack,
            [Evidence(SampleDocuments.Docx(), "plan.docx"), Evidence(SampleDocuments.Text(), "notes.docx")], AsAt: Today(Portal)));

        Assert.Equal(["Evidence"], Assert.IsType<ValidationFailed>(refused.Error).Errors.Select(e => e.Field));
        Assert.Single(storage.StoredWhileRunning);
        Assert.Equal(before, FilesInFolder());
        Assert.Equal((0, 0, 0), await RowsAsync(actionId));

        var posted = await HandlerStoringThrough(storage).HandleAsync(contact, actionId, new ActionUpdateInput("Training booked.", ActionStatus.OnTrack,
            [Evidence(SampleDocuments.Docx(), "plan.docx")], AsAt: Today(Portal)));

        Assert.True(posted.IsSuccess, posted.Error?.Message);
        var kept = Assert.Single(FilesInFolder().Except(before));
        var key = PlanAction.DocumentOwnerKey(actionId);
        Assert.Equal(Path.GetFileName(kept), await Portal.WithDbAsync(db => db.DocumentVersions
            .Where(v => v.Document!.OwnerKey == key).Select(v => v.StoredName).SingleAsync()));
        Assert.Equal((1, 1, 1), await RowsAsync(actionId));
    }

    [Theory]
    [InlineData("PDF/HTML polyglot", "but also holds web page code (HTML)")]
    [InlineData("docx with a remote template", "fetches something from outside itself")]
    [InlineData("zip with [Content_Types].xml and word/", "is not one Word can open")]
    public async Task PostUpdate_WithACraftedDocument_IsRefusedWithItsReason_AndStoresNothing(string name, string message)
    {
        var actionId = await OpenActionAsync();
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var (_, fileName, make) = HostileDocuments.All.Single(f => f.Name == name);
        var before = FilesInFolder();

        var refused = await Portal.Get<PostActionUpdateHandler>().HandleAsync(contact, actionId,
            new ActionUpdateInput("Training booked.", ActionStatus.OnTrack, [Evidence(make(), fileName)], AsAt: Today(Portal)));

        var error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal("Evidence", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, FilesInFolder());
        Assert.Equal((0, 0, 0), await RowsAsync(actionId));
        Assert.Contains(Portal.Logs.Lines, l => l.Message.StartsWith($"Document upload refused for user {contact.UserId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostUpdate_ActionChangedBySomeoneElseWhileTheFileWasStored_IsAConflict_DeletesTheFile_AndSavesNoRow()
    {
        var actionId = await OpenActionAsync();
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var versionBefore = await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync());
        // Another person's change lands between storing the file and saving the update.
        var storage = new WatchedStorage(Portal.Get<IDocumentStorage>(), Folder, () => Portal.WithDbAsync(db =>
            db.PlanActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1))));
        var before = FilesInFolder();

        var result = await HandlerStoringThrough(storage).HandleAsync(contact, actionId, new ActionUpdateInput("Training booked.", ActionStatus.OnTrack,
            [Evidence(SampleDocuments.Docx(), "plan.docx"), Evidence(SampleDocuments.Pdf(), "plan.pdf")], AsAt: Today(Portal)));

        Assert.IsType<Conflict>(result.Error);
        Assert.Equal(2, storage.StoredWhileRunning.Count);
        Assert.Equal(before, FilesInFolder());
        Assert.Equal((0, 0, 0), await RowsAsync(actionId));
        Assert.Equal(versionBefore + 2, await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync()));
    }

    /// The portal's folder storage, noting each file that really reached the folder and running an optional step after it.
    private sealed class WatchedStorage(IDocumentStorage inner, string folder, Func<Task<int>>? afterEachSave = null) : IDocumentStorage
    {
        public List<string> StoredWhileRunning { get; } = [];

        public async Task SaveAsync(string storedName, Stream content, CancellationToken ct = default)
        {
            await inner.SaveAsync(storedName, content, ct);
            Assert.True(File.Exists(Path.Combine(folder, storedName)));
            StoredWhileRunning.Add(storedName);
            if (afterEachSave is not null)
            {
                await afterEachSave();
            }
        }

        public Task<Stream> OpenReadAsync(string storedName, CancellationToken ct = default) => inner.OpenReadAsync(storedName, ct);

        public Task DeleteAsync(string storedName, CancellationToken ct = default) => inner.DeleteAsync(storedName, ct);
    }
}

public sealed class DocumentUploadCleanupSqliteTests(SqliteFixture fixture) : DocumentUploadCleanupTests(fixture), IClassFixture<SqliteFixture>;

public sealed class DocumentUploadCleanupPostgresTests(PostgresFixture fixture) : DocumentUploadCleanupTests(fixture), IClassFixture<PostgresFixture>;
