using Domain;
using Domain.Audit;
using Domain.Documents;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Documents;
using Workflows.Requests;

namespace Portal.Integration.Tests;

/// Information requests and their returns through the handlers the pages call, on SQLite and PostgreSQL: sending to
/// several agencies, bad input saving nothing, the return's versions, download access (audited both ways), the decision.
public abstract class RequestsTests(ProviderFixture fixture)
{
    private static readonly DateOnly Notified = new(2026, 11, 2);

    private PortalFactory Portal => fixture.Portal;

    private async Task<(int ReviewId, string Police, string Kent, string KentEmail)> SetUpAsync()
    {
        var reviewId = await Portal.RegisterReviewAsync(Notified);
        var kentEmail = await Portal.AddAgencyContactAsync("Kent Police");
        return (reviewId, await Portal.UserIdAsync(DemoAccounts.AgencyContact), await Portal.UserIdAsync(kentEmail), kentEmail);
    }

    private async Task<RequestsSent> SendAsync(int reviewId, RequestType type, DateOnly? due, params string[] contacts)
    {
        var result = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(reviewId, type, contacts, due, TestRequests.Scope));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private async Task<Result<int>> ReturnAsync(string account, long requestId, byte[] bytes, string name, string? note = null)
    {
        var version = await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());
        using var content = new MemoryStream(bytes);
        return await Portal.Get<ReturnInformationHandler>().HandleAsync(await Portal.ActorAsync(account),
            new ReturnInformation(requestId, content, name, note, version));
    }

    private Task<InformationRequest> RequestAsync(long id) => Portal.WithDbAsync(db => db.InformationRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<int> AuditCountAsync(string account, AuditAction action, string subject) => Portal.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == account).Select(u => u.Id).SingleAsync();
        return await db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == action && a.Subject == subject);
    });

    [Fact]
    public async Task Send_SameTypeToTwoAgencies_OpensATaskAndEmailsEachContact_WithoutNames()
    {
        var (reviewId, police, kent, kentEmail) = await SetUpAsync();

        var sent = await SendAsync(reviewId, RequestType.Chronology, null, police, kent);

        Assert.Equal(new DateOnly(2027, 1, 4), sent.DueDate); // 23 Nov 2026 + 6 weeks
        Assert.Equal(2, sent.RequestIds.Count);
        foreach (var id in sent.RequestIds)
        {
            var request = await RequestAsync(id);
            Assert.Equal(RequestStatus.Sent, request.Status);
            var task = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == request.WorkItemId));
            Assert.Equal((WorkItemKind.InformationRequest, request.AgencyId, request.ContactUserId, request.ContactUserId, sent.DueDate),
                (task.Kind, task.AgencyId!.Value, task.CandidateUserId!, task.AssigneeUserId!, task.DueDate!.Value));
        }

        var mails = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == reviewId && m.Reason == RequestMail.EmailReason).ToListAsync());
        Assert.Equal(new[] { DemoAccounts.AgencyContact, kentEmail }.Order(), mails.Select(m => m.RecipientAddress).Order());
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        Assert.All(mails, m =>
        {
            Assert.Contains(reference, m.Subject, StringComparison.Ordinal);
            Assert.Contains("/requests/", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Priya", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Test Contact", m.TextBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Send_BadInput_ExplainsEachField_AndSavesNothing()
    {
        var (reviewId, police, kent, _) = await SetUpAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var secondPolice = await Portal.UserIdAsync(await Portal.AddAgencyContactAsync("Leicestershire Police"));
        var handler = Portal.Get<SendInformationRequestsHandler>();

        var past = await handler.HandleAsync(officer, new SendInformationRequests(reviewId, null, [], new DateOnly(2026, 11, 22), TestRequests.Scope));
        var fields = Assert.IsType<ValidationFailed>(past.Error).Errors.Select(e => e.Field).ToList();
        Assert.Equal(["Type", "DueDate", "ContactUserIds"], fields);
        Assert.Contains("is in the past", past.Error!.Message, StringComparison.Ordinal);

        var twoFromOneAgency = await handler.HandleAsync(officer, new SendInformationRequests(reviewId, RequestType.Imr, [police, secondPolice, kent], null, TestRequests.Scope));
        Assert.Contains("one contact per agency", twoFromOneAgency.Error!.Message, StringComparison.Ordinal);

        var notAContact = await handler.HandleAsync(officer, new SendInformationRequests(reviewId, RequestType.Imr, [officer.UserId], null, TestRequests.Scope));
        Assert.Contains("is not an agency contact of an agency that works with this review's office", notAContact.Error!.Message, StringComparison.Ordinal);

        var refusalsBefore = await AuditCountAsync(DemoAccounts.KentOfficer, AuditAction.Refused, "InformationRequest");
        var kentOfficer = await handler.HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), new SendInformationRequests(reviewId, RequestType.Imr, [police], null, TestRequests.Scope));
        Assert.IsType<AccessRefused>(kentOfficer.Error);
        Assert.Equal(refusalsBefore + 1, await AuditCountAsync(DemoAccounts.KentOfficer, AuditAction.Refused, "InformationRequest"));

        Assert.Equal(0, await Portal.WithDbAsync(db => db.InformationRequests.CountAsync(r => r.ReviewId == reviewId)));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.WorkItems.CountAsync(w => w.ReviewId == reviewId && w.Kind == WorkItemKind.InformationRequest)));
    }

    [Fact]
    public async Task Send_SaysWhatIsNeeded_ForWhichPeriod_UnderWhichTerms_AndTheAgencyContactReadsIt()
    {
        var (reviewId, police, _, _) = await SetUpAsync();
        var scope = new RequestScope("  Contacts with the victim since 2024.  ", new DateOnly(2024, 1, 1), new DateOnly(2026, 10, 31), "Terms of reference 2 and 3.");
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(reviewId, RequestType.Imr, [police], null, scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var id = sent.Value.RequestIds.Single();

        var stored = await RequestAsync(id);
        Assert.Equal(("Contacts with the victim since 2024.", new DateOnly(2024, 1, 1), new DateOnly(2026, 10, 31), "Terms of reference 2 and 3."),
            (stored.Needed, stored.PeriodFrom!.Value, stored.PeriodTo!.Value, stored.TermsOfReference));
        var seen = await Portal.Get<RequestQueries>().GetAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), id);
        Assert.True(seen.IsSuccess, seen.Error?.Message);
        Assert.Equal(scope with { Needed = "Contacts with the victim since 2024." }, seen.Value.Scope);
        Assert.Equal("1 Jan 2024 to 31 Oct 2026", RequestScope.DescribePeriod(seen.Value.Scope.PeriodFrom, seen.Value.Scope.PeriodTo));
    }

    [Fact]
    public async Task Send_WithoutWhatIsNeeded_APeriodOrTerms_ExplainsEachField_AndSavesNothing()
    {
        var (reviewId, police, _, _) = await SetUpAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<SendInformationRequestsHandler>();
        Task<Result<RequestsSent>> SendAsync(RequestScope scope) => handler.HandleAsync(officer, new SendInformationRequests(reviewId, RequestType.Imr, [police], null, scope));

        var empty = await SendAsync(new RequestScope(" ", null, null, null));
        var backwards = await SendAsync(TestRequests.Scope with { PeriodFrom = new DateOnly(2026, 10, 1), PeriodTo = new DateOnly(2026, 9, 30) });
        var future = await SendAsync(TestRequests.Scope with { PeriodTo = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime).AddDays(1) });
        var tooLong = await SendAsync(TestRequests.Scope with { Needed = new string('x', InformationRequest.TextMaxLength + 1) });

        Assert.Equal(["Needed", "PeriodFrom", "PeriodTo", "TermsOfReference"], Assert.IsType<ValidationFailed>(empty.Error).Errors.Select(e => e.Field));
        var order = Assert.Single(Assert.IsType<ValidationFailed>(backwards.Error).Errors);
        Assert.Equal(("PeriodTo", "The period must end on or after its first day (1 Oct 2026)."), (order.Field, order.Message));
        Assert.Equal("PeriodTo", Assert.Single(Assert.IsType<ValidationFailed>(future.Error).Errors).Field);
        Assert.Equal("Needed", Assert.Single(Assert.IsType<ValidationFailed>(tooLong.Error).Errors).Field);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.InformationRequests.CountAsync(r => r.ReviewId == reviewId)));
    }

    [Fact]
    public async Task Return_WrongTypeOrTooLarge_IsRefusedWithAClearMessage_AndSavesNothing()
    {
        var (reviewId, police, _, _) = await SetUpAsync();
        var id = (await SendAsync(reviewId, RequestType.Imr, null, police)).RequestIds.Single();
        var filesBefore = Directory.Exists(Path.Combine(Portal.DataPath, "documents")) ? Directory.GetFiles(Path.Combine(Portal.DataPath, "documents")).Length : 0;

        var text = await ReturnAsync(DemoAccounts.AgencyContact, id, SampleDocuments.Text(), "imr.pdf");
        var error = Assert.Single(Assert.IsType<ValidationFailed>(text.Error).Errors);
        Assert.Equal(DocumentFiles.FieldName, error.Field);
        Assert.Contains("not a PDF, Word (.docx) or OpenDocument text (.odt) document", error.Message, StringComparison.Ordinal);

        var big = new byte[Portal.Get<DocumentOptions>().MaxBytes + 1];
        SampleDocuments.Pdf().CopyTo(big, 0);
        Assert.Contains("larger than the limit", (await ReturnAsync(DemoAccounts.AgencyContact, id, big, "imr.pdf")).Error!.Message, StringComparison.Ordinal);

        var tooLongNote = await ReturnAsync(DemoAccounts.AgencyContact, id, SampleDocuments.Docx(), "imr.docx", new string('x', 1001));
        Assert.Equal("Note", Assert.Single(Assert.IsType<ValidationFailed>(tooLongNote.Error).Errors).Field);

        var request = await RequestAsync(id);
        Assert.Equal((RequestStatus.Sent, (long?)null), (request.Status, request.DocumentId));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Documents.CountAsync(d => d.ReviewId == reviewId)));
        var filesAfter = Directory.Exists(Path.Combine(Portal.DataPath, "documents")) ? Directory.GetFiles(Path.Combine(Portal.DataPath, "documents")).Length : 0;
        Assert.Equal(filesBefore, filesAfter);
    }

    [Fact]
    public async Task Lifecycle_ReturnAskForMoreReturnAgainAccept_KeepsEveryVersion_AndAuditsEachDownloadAndRefusal()
    {
        var (reviewId, police, _, kentEmail) = await SetUpAsync();
        var id = (await SendAsync(reviewId, RequestType.Imr, new DateOnly(2026, 12, 18), police)).RequestIds.Single();
        var firstTask = (await RequestAsync(id)).WorkItemId;

        // Another agency's contact cannot return it.
        Assert.IsType<AccessRefused>((await ReturnAsync(kentEmail, id, SampleDocuments.Docx(), "imr.docx")).Error);

        Assert.Equal(1, (await ReturnAsync(DemoAccounts.AgencyContact, id, SampleDocuments.Docx("first"), "imr.docx", "Our IMR.")).Value);
        var returned = await RequestAsync(id);
        Assert.Equal((RequestStatus.Returned, "Our IMR.", (long?)null), (returned.Status, returned.ReturnNote, returned.WorkItemId));
        Assert.Equal(WorkItemStatus.Completed, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == firstTask).Select(w => w.Status).SingleAsync()));

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var decide = Portal.Get<DecideReturnHandler>();
        var noReason = await decide.AskForMoreAsync(officer, new AskForMoreInformation(id, " ", new DateOnly(2026, 11, 1), returned.Version));
        Assert.Equal(["Reason", "DueDate"], Assert.IsType<ValidationFailed>(noReason.Error).Errors.Select(e => e.Field));
        Assert.Equal(RequestStatus.Returned, (await RequestAsync(id)).Status);
        Assert.IsType<AccessRefused>((await decide.AcceptAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), new AcceptReturn(id, returned.Version))).Error);

        var more = await decide.AskForMoreAsync(officer, new AskForMoreInformation(id, "Add the 2025 contacts.", new DateOnly(2027, 1, 8), returned.Version));
        Assert.Equal(RequestStatus.MoreInformationRequested, more.Value);
        var reopened = await RequestAsync(id);
        Assert.Equal(new DateOnly(2027, 1, 8), reopened.DueDate);
        var newTask = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == reopened.WorkItemId));
        Assert.Equal((WorkItemStatus.Open, new DateOnly(2027, 1, 8)), (newTask.Status, newTask.DueDate!.Value));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReviewId == reviewId && m.Reason == RequestMail.EmailReason)));

        Assert.Equal(2, (await ReturnAsync(DemoAccounts.AgencyContact, id, SampleDocuments.Pdf("second"), "imr-v2.pdf")).Value);
        var accepted = await decide.AcceptAsync(officer, new AcceptReturn(id, (await RequestAsync(id)).Version));
        Assert.Equal(RequestStatus.Accepted, accepted.Value);
        Assert.NotNull((await decide.AcceptAsync(officer, new AcceptReturn(id, (await RequestAsync(id)).Version))).Error);

        var versions = await Portal.WithDbAsync(db => db.DocumentVersions.AsNoTracking().Include(v => v.Document)
            .Where(v => v.Document!.OwnerKey == InformationRequest.OwnerKeyFor(id)).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([(1, ".docx"), (2, ".pdf")], versions.Select(v => (v.Number, v.Extension)));
        Assert.All(versions, v => Assert.DoesNotContain("imr", v.StoredName, StringComparison.Ordinal));
        Assert.Equal(DocumentKind.InformationReturn, versions[0].Document!.Kind);
        Assert.Equal(2, versions[0].Document!.CurrentVersion);

        var download = Portal.Get<DownloadDocumentHandler>();
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var downloadsBefore = await AuditCountAsync(DemoAccounts.LrOfficer, AuditAction.Downloaded, "Document");
        foreach (var v in versions)
        {
            var file = await download.DownloadAsync(officer, v.Id);
            Assert.True(file.IsSuccess, file.Error?.Message);
            await using var stream = file.Value.Content;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(v.SizeBytes, copy.Length);
            Assert.Equal($"{reference}-information-return-v{v.Number}{v.Extension}", file.Value.FileName);
        }

        Assert.Equal(downloadsBefore + 2, await AuditCountAsync(DemoAccounts.LrOfficer, AuditAction.Downloaded, "Document"));
        var own = await download.DownloadAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), versions[0].Id);
        await own.Value.Content.DisposeAsync();

        foreach (var outsider in new[] { kentEmail, DemoAccounts.KentOfficer, DemoAccounts.Author, DemoAccounts.BoardMember })
        {
            var refusedBefore = await AuditCountAsync(outsider, AuditAction.Refused, "Document");
            Assert.IsType<AccessRefused>((await download.DownloadAsync(await Portal.ActorAsync(outsider), versions[1].Id)).Error);
            Assert.Equal(refusedBefore + 1, await AuditCountAsync(outsider, AuditAction.Refused, "Document"));
        }
    }

    [Fact]
    public async Task Queries_AgencyContactSeesOnlyTheirAgency_AndAnotherAgencyIsRefusedAndAudited()
    {
        var (reviewId, police, kent, kentEmail) = await SetUpAsync();
        var sent = await SendAsync(reviewId, RequestType.Scoping, null, police, kent);
        var queries = Portal.Get<RequestQueries>();

        var kentRequest = (await Portal.WithDbAsync(db => db.InformationRequests.SingleAsync(r => r.ReviewId == reviewId && r.ContactUserId == kent))).Id;
        Assert.Contains(kentRequest, sent.RequestIds);
        var mine = await queries.ForMyAgencyAsync(await Portal.ActorAsync(kentEmail));
        Assert.Equal([kentRequest], mine.Where(r => r.ReviewId == reviewId).Select(r => r.Id));
        Assert.Equal(2, (await queries.ForReviewAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), reviewId)).Value.Count);

        var policeRequest = (await Portal.WithDbAsync(db => db.InformationRequests.SingleAsync(r => r.ReviewId == reviewId && r.ContactUserId == police))).Id;
        var before = await AuditCountAsync(kentEmail, AuditAction.Refused, "InformationRequest");
        Assert.IsType<AccessRefused>((await queries.GetAsync(await Portal.ActorAsync(kentEmail), policeRequest)).Error);
        Assert.IsType<AccessRefused>((await queries.ForReviewAsync(await Portal.ActorAsync(kentEmail), reviewId)).Error);
        Assert.Equal(before + 2, await AuditCountAsync(kentEmail, AuditAction.Refused, "InformationRequest"));
        Assert.True((await queries.GetAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), policeRequest)).Value.CanReturn);
    }
}

public sealed class RequestsSqliteTests(SqliteFixture fixture) : RequestsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RequestsPostgresTests(PostgresFixture fixture) : RequestsTests(fixture), IClassFixture<PostgresFixture>;
