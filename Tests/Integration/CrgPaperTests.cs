using System.Text;
using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Crg;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Crg;
using Workflows.Documents;

namespace Portal.Integration.Tests;

/// Papers attached to a case on a CRG meeting's agenda, on a real database of each provider: the office's officer
/// attaches them through the document store's checks; the meeting's readers (its office's staff, its CRG members once the
/// papers are shared) download them, each download audited; everyone else is refused, audited, whatever else they read.
public abstract class CrgPaperTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private Task<int> OfficeAsync() => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());

    /// A new case of the LR office on a new meeting's agenda (the meeting proposes it), with its item's id.
    private async Task<(int Review, int Meeting, long Item)> CaseOnAgendaAsync()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var meeting = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), await OfficeAsync(),
            Today.AddDays(8), "10:00", "Committee Room 2, City Hall");
        Assert.True(meeting.IsSuccess, meeting.Error?.Message);
        var item = await Portal.WithDbAsync(db => db.CrgAgendaItems.Where(i => i.MeetingId == meeting.Value && i.ReviewId == review).Select(i => i.Id).SingleAsync());
        return (review, meeting.Value, item);
    }

    private async Task<Result<long>> AttachAsync(long item, string? title = "Chronology", byte[]? file = null, string? fileName = "chronology.pdf", string who = DemoAccounts.LrOfficer) =>
        await Portal.Get<AttachCrgPaperHandler>().HandleAsync(await Portal.ActorAsync(who),
            new AttachCrgPaper(item, title, file is null && fileName is null ? null : new MemoryStream(file ?? SampleDocuments.Pdf("Chronology of events")), fileName));

    private Task<int> PaperCountAsync() => Portal.WithDbAsync(db => db.Documents.CountAsync(d => d.Kind == DocumentKind.CrgPaper));

    [Fact]
    public async Task Officer_AttachesAPaper_MeetingReadersDownloadIt_EachDownloadAudited_OthersRefusedAndAudited()
    {
        var (review, meeting, item) = await CaseOnAgendaAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var attached = await AttachAsync(item, "  Chronology  ");

        Assert.True(attached.IsSuccess, attached.Error?.Message);
        var version = attached.Value;
        var doc = await Portal.WithDbAsync(db => db.DocumentVersions.Where(v => v.Id == version).Select(v => v.Document!).SingleAsync());
        Assert.Equal((DocumentKind.CrgPaper, CrgAgendaItem.DocumentOwnerKey(item), "Chronology", review), (doc.Kind, doc.OwnerKey, doc.Title, doc.ReviewId));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == officer.UserId && a.Action == AuditAction.Created
            && a.Subject == "CrgMeeting" && a.ReviewId == review && a.Detail == "paper \"Chronology\" attached for the CRG")));

        // The meeting's papers list it, for its staff.
        var seen = await Portal.Get<GetCrgMeetingQuery>().HandleAsync(officer, meeting);
        var paper = Assert.Single(Assert.Single(seen.Value.Items, i => i.Id == item).Papers);
        Assert.Equal((version, "Chronology", ".pdf"), (paper.VersionId, paper.Title, paper.Extension));

        // Before the papers are shared, the CRG member may not download it; afterwards they may, as the office's staff may.
        var download = Portal.Get<DownloadDocumentHandler>();
        var member = await Portal.ActorAsync(DemoAccounts.CrgMember);
        Assert.IsType<AccessRefused>((await download.DownloadAsync(member, version)).Error);
        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);
        foreach (var who in new[] { DemoAccounts.CrgMember, DemoAccounts.LrOfficer, DemoAccounts.LrManager })
        {
            var actor = await Portal.ActorAsync(who);
            var file = await download.DownloadAsync(actor, version);
            Assert.True(file.IsSuccess, $"{who}: {file.Error?.Message}");
            using var read = new MemoryStream();
            await file.Value.Content.CopyToAsync(read);
            await file.Value.Content.DisposeAsync();
            Assert.Contains("Chronology of events", Encoding.ASCII.GetString(read.ToArray()), StringComparison.Ordinal);
            Assert.Equal("application/pdf", file.Value.ContentType);
            Assert.Matches(@"^LR-\d{4}-\d{3}-crg-paper-v1\.pdf$", file.Value.FileName);
            Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Downloaded
                && a.Subject == "Document" && a.SubjectId == version.ToString() && a.ReviewId == review)), who);
        }

        // The CRG member reads it from the shared papers too.
        var papers = await Portal.Get<GetCrgMeetingQuery>().HandleAsync(member, meeting);
        Assert.Equal(version, Assert.Single(Assert.Single(papers.Value.Items, i => i.Id == item).Papers).VersionId);

        // Nobody else, whatever else of the case they may read (the DPO reads every case; another office; an agency; the
        // board), and each refusal is audited.
        foreach (var who in new[] { DemoAccounts.Dpo, DemoAccounts.KentOfficer, DemoAccounts.AgencyContact, DemoAccounts.Author, DemoAccounts.BoardMember })
        {
            var actor = await Portal.ActorAsync(who);
            Assert.IsType<AccessRefused>((await download.DownloadAsync(actor, version)).Error);
            Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused
                && a.Subject == "Document" && a.SubjectId == version.ToString())), who);
            Assert.False(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Downloaded
                && a.SubjectId == version.ToString())), who);
        }
    }

    [Theory]
    [InlineData(DemoAccounts.LrManager)]
    [InlineData(DemoAccounts.KentOfficer)]
    [InlineData(DemoAccounts.CrgMember)]
    public async Task Attach_NotAnOfficerOfTheMeetingsOffice_RefusedAndAudited_NothingStored(string who)
    {
        var (_, _, item) = await CaseOnAgendaAsync();
        var actor = await Portal.ActorAsync(who);
        var before = await PaperCountAsync();

        var result = await AttachAsync(item, who: who);

        Assert.IsType<AccessRefused>(result.Error);
        Assert.Equal(before, await PaperCountAsync());
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused
            && a.Subject == "CrgAgendaItem" && a.SubjectId == item.ToString())));
    }

    [Fact]
    public async Task Attach_BadInput_SaysWhatIsWrongBesideEachField_AndStoresNothing()
    {
        var (_, _, item) = await CaseOnAgendaAsync();
        var before = await PaperCountAsync();
        var storedBefore = await Portal.WithDbAsync(db => db.DocumentVersions.CountAsync());

        var empty = await AttachAsync(item, title: " ", file: null, fileName: null);
        var notADocument = await AttachAsync(item, file: SampleDocuments.Text(), fileName: "chronology.pdf");
        var tooLong = await AttachAsync(item, title: new string('x', Document.TitleMaxLength + 1));

        Assert.Equal([AttachCrgPaperHandler.TitleField, DocumentFiles.FieldName], Assert.IsType<ValidationFailed>(empty.Error).Errors.Select(e => e.Field));
        var refused = Assert.Single(Assert.IsType<ValidationFailed>(notADocument.Error).Errors);
        Assert.Equal(DocumentFiles.FieldName, refused.Field);
        Assert.Equal(AttachCrgPaperHandler.TitleField, Assert.Single(Assert.IsType<ValidationFailed>(tooLong.Error).Errors).Field);
        Assert.Equal(before, await PaperCountAsync());
        Assert.Equal(storedBefore, await Portal.WithDbAsync(db => db.DocumentVersions.CountAsync()));
    }

    [Fact]
    public async Task Attach_AfterTheOutcomeIsRecorded_Refused_ThePapersStayAsTheRecordOfTheMeeting()
    {
        var (_, meeting, item) = await CaseOnAgendaAsync();
        Assert.True((await AttachAsync(item)).IsSuccess);
        await Portal.WithDbAsync(db => db.CrgMeetings.Where(m => m.Id == meeting).ExecuteUpdateAsync(s => s.SetProperty(m => m.MeetingDate, Today.AddDays(-1))));
        var recorded = await Portal.Get<RecordCrgOutcomeHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), item,
            new CrgOutcomeInput(CrgItemOutcome.CriteriaMet, "Met.", false, []));
        Assert.True(recorded.IsSuccess, recorded.Error?.Message);
        var before = await PaperCountAsync();

        var result = await AttachAsync(item, "Late paper");

        Assert.Contains("outcome is recorded", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await PaperCountAsync());
    }
}

public sealed class CrgPaperSqliteTests(SqliteFixture fixture) : CrgPaperTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CrgPaperPostgresTests(PostgresFixture fixture) : CrgPaperTests(fixture), IClassFixture<PostgresFixture>;
