using System.Net;
using Domain;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Audit;
using Workflows.Drafts;
using Workflows.Family;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Refusals in the audit trail (issue 13, finding 10): a refused read of an existing case carries its reference, so the
/// data protection officer's search by case finds it, while the refused person gets the same answer whether or not the
/// review exists; values longer than their column are cut, not lost (PostgreSQL refuses an over-long value).
public abstract class AuditRefusalTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task RefusedReads_CarryTheCaseReference_AndTheDposSearchByCaseFindsThem()
    {
        var reviewId = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);

        var refused = await Portal.Get<GetReviewHandler>().HandleAsync(kent, reviewId);
        var missing = await Portal.Get<GetReviewHandler>().HandleAsync(kent, 999_999);
        Assert.Equal(Assert.IsType<AccessRefused>(refused.Error).Message, Assert.IsType<AccessRefused>(missing.Error).Message);
        Assert.IsType<AccessRefused>((await Portal.Get<DraftsQuery>().HandleAsync(kent, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<FamilyLogQuery>().HandleAsync(kent, reviewId)).Error);
        // A page the role may not open at all, addressed by the review's id.
        using (var board = await Portal.SignedInClientAsync(DemoAccounts.BoardMember))
        using (var page = await board.GetAsync(new Uri($"/reviews/{reviewId}/commissioning", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var search = await Portal.Get<SearchAuditQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Dpo),
            new AuditFilter(CaseReference: reference, Action: AuditAction.Refused), new PageRequest(PageSize: 50));
        var rows = search.Value.Items.Select(r => (r.UserEmail, r.Subject)).ToList();
        Assert.Contains((DemoAccounts.KentOfficer, "Review"), rows);
        Assert.Contains((DemoAccounts.KentOfficer, "Drafts of a review"), rows); // in words (EntryWords.Subjects)
        Assert.Contains((DemoAccounts.KentOfficer, "Family engagement log"), rows);
        Assert.Contains((DemoAccounts.BoardMember, "Page"), rows);
        Assert.All(search.Value.Items, r => Assert.Equal(reference, r.CaseReference));

        // The missing review's refusal is recorded without an id or a reference that would point nowhere.
        var unknown = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == kent.UserId && a.SubjectId == "999999")
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal((AuditAction.Refused, (int?)null, (string?)null), (unknown.Action, unknown.ReviewId, unknown.CaseReference));
    }

    [Fact]
    public async Task OverlongValues_AreCutToTheirColumn_SoTheAuditRowIsWritten()
    {
        // A refused page with a very long address: its audit row's detail holds the address.
        using var board = await Portal.SignedInClientAsync(DemoAccounts.BoardMember);
        var longId = new string('x', 3000);
        using var page = await board.GetAsync(new Uri($"/admin/users/{longId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var detail = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail == DemoAccounts.BoardMember && a.Subject == "Page"
            && a.Detail!.StartsWith("open /admin/users/xxx")).Select(a => a.Detail).SingleAsync());
        Assert.Equal(AuditEvent.DetailMaxLength, detail!.Length);
        Assert.EndsWith("…", detail, StringComparison.Ordinal);

        // The DPO searching by a typed reference longer than any reference: the search (and its own audit row) works.
        var typed = "LR-2026-" + new string('9', 40);
        var search = await Portal.Get<SearchAuditQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Dpo), new AuditFilter(CaseReference: typed),
            new PageRequest());
        Assert.True(search.IsSuccess);
        Assert.Empty(search.Value.Items);
        var recorded = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail == DemoAccounts.Dpo && a.Subject == "AuditTrail")
            .OrderByDescending(a => a.Id).Select(a => a.CaseReference).FirstAsync());
        Assert.Equal(AuditEvent.CaseReferenceMaxLength, recorded!.Length);
    }
}

public sealed class SqliteAuditRefusalTests(SqliteFixture fixture) : AuditRefusalTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAuditRefusalTests(PostgresFixture fixture) : AuditRefusalTests(fixture), IClassFixture<PostgresFixture>;
