using Domain;
using Domain.Family;
using Domain.Organisations;
using Domain.Workflow;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Admin;
using Workflows.Drafts;
using Workflows.Family;
using Workflows.Panels;
using Workflows.Reviews;
using Workflows.WorkItems;

namespace Portal.Integration.Tests;

/// One rule for the lead office (issue 13, finding 8): a review's lead office is its lead CSP's current serving office.
/// When an administrator moves a CSP to another office, the old office loses the review's family log, drafts, panel and
/// tasks on its next request, the new office reads and changes them, and each affected review's timeline says so.
public abstract class CspMoveTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    /// A CSP of the test's own, served by LR (so moving it touches no other test's reviews).
    private Task<Organisation> NewLrCspAsync() => Portal.WithDbAsync(async db =>
    {
        var lr = await db.Organisations.SingleAsync(o => o.Code == "LR");
        var csp = new Organisation { Name = $"Moving CSP {Guid.NewGuid():N}"[..24], Kind = OrganisationKind.Csp, ServingOfficeId = lr.Id };
        db.Organisations.Add(csp);
        await db.SaveChangesAsync();
        return csp;
    });

    private async Task<Result<SavedOrganisation>> MoveAsync(int cspId, int? toOfficeId)
    {
        var csp = await Portal.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == cspId));
        return await Portal.Get<SaveOrganisationHandler>().ChangeAsync(await Portal.ActorAsync(DemoAccounts.Admin), csp.Id, csp.Version,
            new OrganisationInput(csp.Name, OrganisationKind.Csp, ServingOfficeId: toOfficeId));
    }

    private async Task<long> RecordContactAsync(string who, int reviewId) =>
        (await Portal.Get<RecordFamilyContactHandler>().HandleAsync(await Portal.ActorAsync(who),
            new NewFamilyContact(reviewId, Today, "Sister", ContactMethod.Phone, "Talked about the panel's timetable."))).Value;

    [Fact]
    public async Task MovedCsp_OldOfficeIsRefusedTheFamilyLogAndDrafts_NewOfficeReadsAndChangesThem_AndTheMoveIsJournaled()
    {
        var csp = await NewLrCspAsync();
        var reviewId = await Portal.ReviewAtPanelAndReportAsync(csp.Name);
        var lrOfficer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var kentOfficer = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.True(await RecordContactAsync(DemoAccounts.LrOfficer, reviewId) > 0);
        await Portal.AddPanelMemberRowAsync(reviewId, await Portal.NewPanelContactAsync());
        var draft = await Portal.Get<UploadDraftHandler>().HandleAsync(lrOfficer,
            new UploadDraft(reviewId, Today.AddDays(14), new MemoryStream(SampleDocuments.Docx()), "draft.docx"));
        Assert.True(draft.IsSuccess, draft.Error?.Message);
        // The office's gather-the-comments task, claimed by LR's officer.
        var task = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Open
            && w.Kind == WorkItemKind.CloseDraftComments).Select(w => w.Id).SingleAsync());
        Assert.True((await Portal.Get<WorkItemCommands>().ClaimAsync(lrOfficer, task)).IsSuccess);
        var kent = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "KT").Select(o => o.Id).SingleAsync());

        var moved = await MoveAsync(csp.Id, kent);

        Assert.True(moved.IsSuccess, moved.Error?.Message);
        // The old office: refused everything the lead office had, on its next request.
        Assert.IsType<AccessRefused>((await Portal.Get<FamilyLogQuery>().HandleAsync(lrOfficer, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DraftsQuery>().HandleAsync(lrOfficer, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<PanelQuery>().HandleAsync(lrOfficer, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(lrOfficer, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<RecordFamilyContactHandler>().HandleAsync(lrOfficer,
            new NewFamilyContact(reviewId, Today, "Sister", ContactMethod.Phone, "x"))).Error);
        // The new office: reads and changes them, real names included.
        var log = await Portal.Get<FamilyLogQuery>().HandleAsync(kentOfficer, reviewId);
        Assert.True(log.IsSuccess, log.Error?.Message);
        Assert.Single(log.Value.Contacts);
        var drafts = await Portal.Get<DraftsQuery>().HandleAsync(kentOfficer, reviewId);
        Assert.True(drafts.IsSuccess, drafts.Error?.Message);
        Assert.Single(drafts.Value.Drafts);
        Assert.True(await RecordContactAsync(DemoAccounts.KentOfficer, reviewId) > 0);
        Assert.True((await Portal.Get<PanelQuery>().HandleAsync(kentOfficer, reviewId)).IsSuccess);
        var review = (await Portal.Get<GetReviewHandler>().HandleAsync(kentOfficer, reviewId)).Value;
        Assert.True(review.Access is { CanChange: true, CanSeeRestricted: true });

        await Portal.WithDbAsync(async db =>
        {
            Assert.Equal(kent, await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.LeadOfficeId).SingleAsync());
            // The claimed task is back in the new office's team queue.
            var item = await db.WorkItems.SingleAsync(w => w.Id == task);
            Assert.Equal((kent, (string?)null), (item.OfficeId!.Value, item.AssigneeUserId));
            var entry = await db.JournalEntries.Where(j => j.ReviewId == reviewId && j.Kind == JournalKind.OfficeChanged).SingleAsync();
            Assert.StartsWith("Lead office changed from Leicestershire & Rutland Safeguarding Partnerships Business Office to Kent Community Safety Team",
                entry.Detail, StringComparison.Ordinal);
            return 0;
        });
        Assert.Contains(await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == "Organisation" && a.SubjectId == csp.Id.ToString())
            .Select(a => a.Detail).ToListAsync()), d => d == "Changed: serving office (the lead office of the 1 reviews it leads changed with it)");
    }

    [Fact]
    public async Task CspThatLeadsReviews_CannotBeLeftWithoutAnOffice()
    {
        var csp = await NewLrCspAsync();
        await Portal.RegisterReviewAsync(Today.AddDays(-3), csp.Name);

        var result = await MoveAsync(csp.Id, null);

        var error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        Assert.Equal(nameof(Organisation.ServingOfficeId), error.Field);
    }

    [Fact]
    public async Task AfterAMove_BothOfficesGoOnNumberingTheirReferences_WithoutClashing()
    {
        var csp = await NewLrCspAsync();
        var first = await Portal.RegisterReviewAsync(new DateOnly(2019, 5, 1), csp.Name);
        var kent = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "KT").Select(o => o.Id).SingleAsync());
        Assert.True((await MoveAsync(csp.Id, kent)).IsSuccess);

        // LR registers again in the same year: the moved review keeps its LR reference, and LR's next number follows it
        // (counting only the reviews LR leads now gave the moved review's number again, and the save failed).
        var next = await Portal.RegisterReviewAsync(new DateOnly(2019, 6, 1));
        var references = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == first || r.Id == next).OrderBy(r => r.Id).Select(r => r.Reference).ToListAsync());
        Assert.All(references, r => Assert.StartsWith("LR-2019-", r, StringComparison.Ordinal));
        Assert.True(string.CompareOrdinal(references[1], references[0]) > 0, string.Join(", ", references));
    }

    /// The migration that brings reviews registered before this fix into line (RealignLeadOffices), on this provider.
    [Fact]
    public async Task Realignment_OfAReviewWhoseCspMovedBeforeTheFix_JournalsIt_AndHandsItsTasksToTheNewOffice()
    {
        var csp = await NewLrCspAsync();
        var reviewId = await Portal.RegisterReviewAsync(Today.AddDays(-3), csp.Name);
        var kent = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "KT").Select(o => o.Id).SingleAsync());
        var before = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync());
        // As the portal did before: the CSP moved, its review stayed with the old office.
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == csp.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ServingOfficeId, kent)));

        await Portal.WithDbAsync(async db =>
        {
            var statements = LeadOfficeRealignment.For(postgres: fixture.Portal.PostgresConnection is not null, eventDates: true);
            foreach (var sql in statements)
            {
                await ((DbContext)db).Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });

        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            Assert.Equal((kent, before + 1), (review.LeadOfficeId, review.Version));
            var entry = await db.JournalEntries.SingleAsync(j => j.ReviewId == reviewId && j.Kind == JournalKind.OfficeChanged);
            Assert.Equal($"Lead office set to Kent Community Safety Team, which serves {csp.Name}: the CSP had moved before a move took its reviews with it.",
                entry.Detail);
            Assert.Equal((review.Stage, review.Stage), (entry.FromStage, entry.ToStage));
            Assert.All(await db.WorkItems.Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Open && w.OfficeId != null).ToListAsync(),
                w => Assert.Equal(kent, w.OfficeId));
            Assert.NotEmpty(await db.WorkItems.Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Open && w.OfficeId == kent).ToListAsync());
            return 0;
        });
        Assert.True((await Portal.Get<FamilyLogQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), reviewId)).IsSuccess);
    }
}

public sealed class SqliteCspMoveTests(SqliteFixture fixture) : CspMoveTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCspMoveTests(PostgresFixture fixture) : CspMoveTests(fixture), IClassFixture<PostgresFixture>;
