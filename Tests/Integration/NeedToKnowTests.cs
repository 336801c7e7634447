using System.Net;
using Domain;
using Domain.Audit;
using Domain.Organisations;
using Domain.Requests;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Audit;
using Workflows.Documents;
using Workflows.Reports;
using Workflows.Requests;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Need-to-know for each role, through the handlers the pages call: what it must see and what it must not,
/// and that every refused read is audited.
public sealed class NeedToKnowTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Portal => fixture.Portal;

    /// An LR-led review that involves no other CSP and has no appointed author (the demo histories appoint one to some).
    private Task<Review> LrReviewAsync() => Portal.WithDbAsync(db =>
        db.Reviews.Where(r => r.Reference.StartsWith("LR-") && !r.InvolvedCsps.Any() && !r.Participants.Any()).OrderBy(r => r.Id).FirstAsync());

    public static TheoryData<string, bool, bool, bool> LeadOfficeReview => new()
    {
        // account, can read, can change, sees real names
        { DemoAccounts.LrOfficer, true, true, true },
        { DemoAccounts.LrManager, true, true, true },
        { DemoAccounts.KentOfficer, false, false, false },
        { DemoAccounts.Author, false, false, false },
        { DemoAccounts.AgencyContact, false, false, false },
        { DemoAccounts.CrgMember, false, false, false },
        { DemoAccounts.BoardMember, false, false, false },
        { DemoAccounts.Dpo, true, false, true },
        { DemoAccounts.Admin, false, false, false },
    };

    [Theory]
    [MemberData(nameof(LeadOfficeReview))]
    public async Task ReviewPage_EachRole_SeesOnlyWhatItNeeds(string account, bool canRead, bool canChange, bool seesNames)
    {
        var review = await LrReviewAsync();
        var actor = await Portal.ActorAsync(account);
        var refusalsBefore = await RefusalsAsync(actor.UserId, review.Id);

        var result = await Portal.Get<GetReviewHandler>().HandleAsync(actor, review.Id);

        Assert.Equal(canRead, result.IsSuccess);
        if (canRead)
        {
            Assert.Equal(canChange, result.Value.Access.CanChange);
            Assert.Equal(seesNames, result.Value.Restricted is not null);
            Assert.Equal(refusalsBefore, await RefusalsAsync(actor.UserId, review.Id));
        }
        else
        {
            Assert.IsType<AccessRefused>(result.Error);
            Assert.Equal(refusalsBefore + 1, await RefusalsAsync(actor.UserId, review.Id));
            // The refusal carries the case reference, so the DPO's search by case finds it.
            Assert.Equal(review.Reference, await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == actor.UserId && a.ReviewId == review.Id
                && a.Action == AuditAction.Refused).OrderByDescending(a => a.Id).Select(a => a.CaseReference).FirstAsync()));
        }
    }

    [Theory]
    [InlineData(DemoAccounts.LrOfficer, true)]
    [InlineData(DemoAccounts.KentOfficer, false)]
    [InlineData(DemoAccounts.Author, false)]
    [InlineData(DemoAccounts.AgencyContact, false)]
    [InlineData(DemoAccounts.CrgMember, false)]
    [InlineData(DemoAccounts.BoardMember, false)]
    [InlineData(DemoAccounts.Dpo, true)]
    [InlineData(DemoAccounts.Admin, false)]
    public async Task Register_EachRole_ListsTheLeadOfficesReviewOnlyIfItMaySeeIt(string account, bool listed)
    {
        var review = await LrReviewAsync();
        var page = await Portal.Get<ReviewRegisterQuery>().HandleAsync(await Portal.ActorAsync(account), new RegisterFilter(Search: review.Reference), new PageRequest());
        Assert.Equal(listed, page.Items.Any(r => r.Id == review.Id));
    }

    [Fact]
    public async Task InvolvedOffice_ReadsAnotherOfficesReview_ButCannotChangeItOrSeeNames()
    {
        // The Kent review that involves Leicester City CSP.
        var kentReview = await Portal.WithDbAsync(async db =>
        {
            var leicester = await db.Organisations.Where(o => o.Name == "Leicester City CSP").Select(o => o.Id).SingleAsync();
            return await db.Reviews.FirstAsync(r => r.Reference.StartsWith("KT-") && r.InvolvedCsps.Any(c => c.CspId == leicester));
        });
        var result = await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), kentReview.Id);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.Access.CanChange);
        Assert.Null(result.Value.Restricted);
        Assert.Empty(result.Value.History);
    }

    [Fact]
    public async Task Author_SeesAReviewOnlyWhileAppointed()
    {
        var review = await LrReviewAsync();
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var handler = Portal.Get<GetReviewHandler>();
        var appointment = new ReviewParticipant { ReviewId = review.Id, UserId = author.UserId, Kind = ParticipantKind.ChairAuthor, GrantedAtUtc = DateTime.UtcNow };
        await Portal.WithDbAsync(async db =>
        {
            db.ReviewParticipants.Add(appointment);
            return await db.SaveChangesAsync();
        });

        var appointed = await handler.HandleAsync(author, review.Id);
        Assert.True(appointed.IsSuccess);
        Assert.NotNull(appointed.Value.Restricted);
        Assert.False(appointed.Value.Access.CanChange);

        await Portal.WithDbAsync(db => db.ReviewParticipants.Where(p => p.Id == appointment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, DateTime.UtcNow)));

        Assert.IsType<AccessRefused>((await handler.HandleAsync(author, review.Id)).Error);
    }

    [Fact]
    public async Task PanelMembership_DoesNotOpenTheCaseRecord()
    {
        var review = await LrReviewAsync();
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        await Portal.WithDbAsync(async db =>
        {
            db.ReviewParticipants.Add(new ReviewParticipant { ReviewId = review.Id, UserId = contact.UserId, Kind = ParticipantKind.PanelMember, GrantedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(contact, review.Id)).Error);
    }

    [Theory]
    [InlineData(DemoAccounts.Dpo, true, true)]
    [InlineData(DemoAccounts.Admin, true, false)]
    [InlineData(DemoAccounts.LrManager, false, false)]
    [InlineData(DemoAccounts.BoardMember, false, false)]
    public async Task AuditTrail_DpoSeesDetail_AdminSeesMetadataOnly_OthersRefused(string account, bool allowed, bool seesDetail)
    {
        var actor = await Portal.ActorAsync(account);
        var result = await Portal.Get<SearchAuditQuery>().HandleAsync(actor, new AuditFilter(Action: AuditAction.Created), new PageRequest());

        Assert.Equal(allowed, result.IsSuccess);
        if (allowed)
        {
            Assert.NotEmpty(result.Value.Items);
            Assert.Equal(seesDetail, result.Value.Items.All(r => r.Detail is not null));
            // Rows about a review name it by its reference (others, such as a budget line, have none).
            var ofReviews = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId != null).Select(a => a.Id).ToListAsync());
            Assert.Contains(result.Value.Items, r => ofReviews.Contains(r.Id));
            Assert.All(result.Value.Items.Where(r => ofReviews.Contains(r.Id)), r => Assert.NotNull(r.CaseReference));
        }
        else
        {
            Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused && a.Subject == "AuditTrail")));
        }
    }

    [Fact]
    public async Task UnknownReviewId_IsRefusedLikeAForbiddenOne()
    {
        var result = await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), 999_999);
        Assert.IsType<AccessRefused>(result.Error);
    }

    [Fact]
    public async Task DisabledAccount_HasNoAccess()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrManager);
        var review = await LrReviewAsync();
        await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == officer.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        try
        {
            var reloaded = await Portal.ActorAsync(DemoAccounts.LrManager);
            Assert.Empty(reloaded.Roles);
            Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(reloaded, review.Id)).Error);
        }
        finally
        {
            await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == officer.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, false)));
        }
    }

    /// Board members read their own office's reports only (issue 13, finding 5): the page's query and the Word download
    /// refuse another office or its CSPs, and each refusal is audited.
    [Fact]
    public async Task BoardMember_AnotherOfficesReport_IsRefusedAndAudited_OwnOfficeIsServed()
    {
        var ids = await Portal.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Code ?? o.Name, o => o.Id));
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var query = Portal.Get<BoardReportQuery>();

        var scopes = (await query.ScopesAsync(board)).Value.Select(s => s.OrganisationId).ToList();
        Assert.Contains(ids["LR"], scopes);
        Assert.Contains(ids["Rutland CSP"], scopes);
        Assert.DoesNotContain(ids["KT"], scopes);
        Assert.DoesNotContain(ids["Dover CSP"], scopes);

        foreach (var other in new[] { ids["KT"], ids["Dover CSP"] })
        {
            var before = await BoardRefusalsAsync(other);
            Assert.IsType<AccessRefused>((await query.HandleAsync(board, other, new DateOnly(2026, 11, 1))).Error);
            Assert.Equal(before + 1, await BoardRefusalsAsync(other));
        }

        Assert.True((await query.HandleAsync(board, ids["LR"], new DateOnly(2026, 11, 1))).IsSuccess);
        Assert.True((await query.HandleAsync(board, ids["Rutland CSP"], new DateOnly(2026, 11, 1))).IsSuccess);

        using var client = await Portal.SignedInClientAsync(DemoAccounts.BoardMember);
        using var own = await client.GetAsync(new Uri($"/reports/board.docx?org={ids["LR"]}&asOf=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var beforeDocx = await BoardRefusalsAsync(ids["KT"]);
        using var refused = await client.GetAsync(new Uri($"/reports/board.docx?org={ids["KT"]}&asOf=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(beforeDocx + 1, await BoardRefusalsAsync(ids["KT"]));
    }

    /// An agency contact belongs to the offices that work with their agency (issue 13, finding 2). Kent worked with
    /// Leicestershire Police for a while and sent Priya (its contact) a request, which she returned; once Kent no longer
    /// works with the agency, Kent's request and its return are refused to her and audited, though addressed to her by
    /// name, while Leicestershire's request to her stays hers.
    [Fact]
    public async Task AgencyContact_AnotherOfficesRequestAndReturn_AreRefusedAndAudited()
    {
        var ids = await Portal.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Code ?? o.Name, o => o.Id));
        var priya = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var lrReview = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var ktReview = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2), csp: "Ashford CSP", by: DemoAccounts.KentOfficer);
        var kentWorks = new AgencyOffice { AgencyId = ids["Leicestershire Police"], OfficeId = ids["KT"] };
        await Portal.WithDbAsync(db => { db.AgencyOffices.Add(kentWorks); return db.SaveChangesAsync(); });
        var send = Portal.Get<SendInformationRequestsHandler>();
        var lrRequest = Assert.Single((await send.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(lrReview, RequestType.Imr, [priya.UserId], null, TestRequests.Scope))).Value.RequestIds);
        var ktRequest = Assert.Single((await send.HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer),
            new SendInformationRequests(ktReview, RequestType.Imr, [priya.UserId], null, TestRequests.Scope))).Value.RequestIds);
        Assert.True((await ReturnAsync(ktRequest)).IsSuccess);
        var ktReturn = await Portal.WithDbAsync(db => (from r in db.InformationRequests
                                                       join v in db.DocumentVersions on r.DocumentId equals v.DocumentId
                                                       where r.Id == ktRequest
                                                       select v.Id).SingleAsync());
        await Portal.WithDbAsync(db => db.AgencyOffices.Where(a => a.AgencyId == kentWorks.AgencyId && a.OfficeId == kentWorks.OfficeId).ExecuteDeleteAsync());

        priya = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var queries = Portal.Get<RequestQueries>();
        var before = await RefusalsAsync(priya.UserId, ktReview);

        var mine = (await queries.ForMyAgencyAsync(priya)).Select(r => r.Id).ToList();
        Assert.Contains(lrRequest, mine);
        Assert.DoesNotContain(ktRequest, mine);
        Assert.True((await queries.GetAsync(priya, lrRequest)).Value.CanReturn);
        Assert.IsType<AccessRefused>((await queries.GetAsync(priya, ktRequest)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DownloadDocumentHandler>().DownloadAsync(priya, ktReturn)).Error);
        Assert.IsType<AccessRefused>((await ReturnAsync(ktRequest)).Error);
        Assert.Equal(before + 3, await RefusalsAsync(priya.UserId, ktReview));
        var officer = await Portal.Get<DownloadDocumentHandler>().DownloadAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), ktReturn);
        await officer.Value.Content.DisposeAsync();
    }

    private async Task<Result<int>> ReturnAsync(long requestId)
    {
        var version = await Portal.WithDbAsync(db => db.InformationRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());
        using var content = new MemoryStream(SampleDocuments.Docx("Police IMR"));
        return await Portal.Get<ReturnInformationHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact),
            new ReturnInformation(requestId, content, "imr.docx", null, version));
    }

    private Task<int> BoardRefusalsAsync(int organisationId) => Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a =>
        a.UserEmail == DemoAccounts.BoardMember && a.Action == AuditAction.Refused && a.Subject == "Board report"
        && a.SubjectId == organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Task<int> RefusalsAsync(string userId, int reviewId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused));
}
