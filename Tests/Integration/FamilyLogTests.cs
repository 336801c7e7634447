using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Family;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Family;
using Workflows.Process;

namespace Portal.Integration.Tests;

/// The family engagement log on a real database of each provider: who may read and keep it, consent to the report
/// pseudonym blocking publication through the process guard, and personal data kept out of the journal and the audit.
public abstract class FamilyLogTests(ProviderFixture fixture)
{
    private const string Summary = "Spoke with the deceased's sister at her home; she asked about the inquest date.";

    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private async Task<Result<FamilyAgreementsSaved>> SaveAsync(int reviewId, string who, PseudonymConsent? consent, int version,
        string? pseudonym = "Diana") =>
        await Portal.Get<SaveFamilyAgreementsHandler>().HandleAsync(await Portal.ActorAsync(who),
            new FamilyAgreementsInput(reviewId, true, "AAFDA", pseudonym, consent, consent is null ? null : Today, null, null, version));

    private Task<int> RefusalsAsync(string userId, int reviewId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused
            && a.Subject == "FamilyLog"));

    private async Task FireAsync(int reviewId, TriggerArgs args)
    {
        var result = await Portal.Get<WorkflowEngine>().FireAsync(reviewId, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task ConsentWithdrawn_BlocksPublicationWithAReadableReason_UntilGivenAgain()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        Assert.True((await SaveAsync(id, DemoAccounts.Author, PseudonymConsent.Given, 0)).IsSuccess);
        await FireAsync(id, TriggerArgs.For(Trigger.SubmitForSignOff));
        await FireAsync(id, TriggerArgs.For(Trigger.RecordSignedOff));
        await FireAsync(id, TriggerArgs.For(Trigger.SubmitToHomeOffice));
        await FireAsync(id, TriggerArgs.For(Trigger.RecordQaApproved));
        var versionBefore = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        // Just before publication the family withdraws consent; the officer records it in the log.
        var withdrawn = await SaveAsync(id, DemoAccounts.LrOfficer, PseudonymConsent.Withdrawn, 1);

        Assert.True(withdrawn.IsSuccess, withdrawn.Error?.Message);
        Assert.True(withdrawn.Value is { ConsentChanged: true, PublicationBlocked: true });
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var actions = (await Portal.Get<ReviewProcessQuery>().HandleAsync(officer, id)).Value.Actions;
        var publish = Assert.Single(actions, a => a.Trigger == Trigger.RecordPublished);
        Assert.False(publish.IsAvailable);
        Assert.Equal(["Publication is blocked: the family has withdrawn consent to the report pseudonym."], publish.Reasons);
        var fired = await Portal.Get<WorkflowEngine>().FireAsync(id, new RecordPublishedArgs { PublicationLink = "https://csp.example.org/report" },
            officer, Guid.NewGuid().ToString());
        var refused = Assert.IsType<ActionUnavailable>(fired.Error);
        Assert.Contains("the family has withdrawn consent to the report pseudonym", refused.Message, StringComparison.Ordinal);

        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == id);
            Assert.True(review.FamilyConsentWithdrawn);
            Assert.Equal(versionBefore + 1, review.Version);
            Assert.Equal(Stage.Publication, review.Stage);
            var journal = await db.JournalEntries.Where(j => j.ReviewId == id && j.Kind == JournalKind.Recorded).OrderBy(j => j.Id).ToListAsync();
            Assert.Equal(2, journal.Count); // given, then withdrawn
            Assert.Equal($"The family withdrew consent to the report pseudonym on {UkDate.Format(Today)}: publication is blocked until consent is given again.",
                journal[^1].Detail);
            Assert.Equal(officer.UserId, journal[^1].UserId);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Subject == "Review" && a.Detail == "FamilyConsentWithdrawn: True"));
            // The pseudonym is not in the journal or the audit trail: field names only.
            Assert.False(await db.JournalEntries.AnyAsync(j => j.ReviewId == id && (j.Detail!.Contains("Diana") || j.Comment!.Contains("Diana"))));
            Assert.False(await db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Detail!.Contains("Diana")));
            return 0;
        });

        Assert.True((await SaveAsync(id, DemoAccounts.Author, PseudonymConsent.Given, 2)).Value is { ConsentChanged: true, PublicationBlocked: false });
        await FireAsync(id, new RecordPublishedArgs { PublicationLink = "https://csp.example.org/report" });
    }

    [Fact]
    public async Task SaveAgreements_SameValuesAgain_ChangesNothing_AndAStaleFormIsAConflict()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var first = await SaveAsync(id, DemoAccounts.Author, PseudonymConsent.Withdrawn, 0);
        var again = await SaveAsync(id, DemoAccounts.Author, PseudonymConsent.Withdrawn, 1);
        var stale = await SaveAsync(id, DemoAccounts.LrOfficer, PseudonymConsent.Given, 0);

        Assert.Equal(1, first.Value.Version);
        Assert.True(again.Value is { Version: 1, ConsentChanged: false, PublicationBlocked: true });
        Assert.IsType<Conflict>(stale.Error);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Kind == JournalKind.Recorded)));
        Assert.True(await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.FamilyConsentWithdrawn).SingleAsync()));
    }

    [Fact]
    public async Task BadInput_EachFieldHasAMessage_AndNothingIsSaved()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var author = await Portal.ActorAsync(DemoAccounts.Author);

        var contact = await Portal.Get<RecordFamilyContactHandler>().HandleAsync(author, new NewFamilyContact(id, Today.AddDays(1), " ", null, null));
        var agreements = await Portal.Get<SaveFamilyAgreementsHandler>().HandleAsync(author,
            new FamilyAgreementsInput(id, true, null, null, PseudonymConsent.Withdrawn, null, 9, Today, 0));

        Assert.Equal(["On", "Who", "How", "Summary"], Assert.IsType<ValidationFailed>(contact.Error).Errors.Select(e => e.Field));
        Assert.Equal(["AdvocacyBy", "Pseudonym", "ConsentOn", "DraftSeenNumber"], Assert.IsType<ValidationFailed>(agreements.Error).Errors.Select(e => e.Field));
        Assert.Contains("This review has no draft 9", agreements.Error!.Message, StringComparison.Ordinal);
        await Portal.WithDbAsync(async db =>
        {
            Assert.False(await db.FamilyContacts.AnyAsync(c => c.ReviewId == id));
            Assert.False(await db.FamilyEngagements.AnyAsync(f => f.ReviewId == id));
            Assert.False(await db.Reviews.Where(r => r.Id == id).Select(r => r.FamilyConsentWithdrawn).SingleAsync());
            return 0;
        });
    }

    [Fact]
    public async Task Contacts_AreKeptOutOfTheAuditTrailAndEmails()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var added = await Portal.Get<RecordFamilyContactHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author),
            new NewFamilyContact(id, Today, "Sister of the deceased", ContactMethod.InPerson, Summary));

        Assert.True(added.IsSuccess, added.Error?.Message);
        var log = (await Portal.Get<FamilyLogQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), id)).Value;
        var row = Assert.Single(log.Contacts);
        Assert.Equal((Today, "Sister of the deceased", ContactMethod.InPerson, Summary), (row.On, row.Who, row.How, row.Summary));
        await Portal.WithDbAsync(async db =>
        {
            var audit = await db.AuditEvents.Where(a => a.ReviewId == id && (a.Subject == "FamilyContact" || a.Subject == "FamilyLog")).ToListAsync();
            Assert.Contains(audit, a => a.Action == AuditAction.Created && a.Detail == "family contact: On, Who, How, Summary");
            Assert.Contains(audit, a => a.Action == AuditAction.Viewed);
            Assert.DoesNotContain(audit, a => a.Detail!.Contains("sister", StringComparison.OrdinalIgnoreCase));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.TextBody.Contains("inquest") || m.HtmlBody.Contains("inquest")));
            return 0;
        });
    }

    public static TheoryData<string, bool, bool> Readers => new()
    {
        // account, reads, keeps
        { DemoAccounts.LrOfficer, true, true },
        { DemoAccounts.LrManager, true, true },
        { DemoAccounts.Author, true, true },
        { DemoAccounts.Dpo, true, false },
        { DemoAccounts.KentOfficer, false, false },
        { DemoAccounts.AgencyContact, false, false },
        { DemoAccounts.CrgMember, false, false },
        { DemoAccounts.BoardMember, false, false },
        { DemoAccounts.Admin, false, false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task FamilyLog_OnlyTheLeadOfficeTheAuthorAndTheDpo_Read_AndRefusalsAreAudited(string account, bool reads, bool keeps)
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        // Sitting on the panel gives drafts, not the family log.
        await Portal.AddPanelMemberRowAsync(id, DemoAccounts.AgencyContact);
        var actor = await Portal.ActorAsync(account);
        var before = await RefusalsAsync(actor.UserId, id);

        var read = await Portal.Get<FamilyLogQuery>().HandleAsync(actor, id);
        var kept = await Portal.Get<RecordFamilyContactHandler>().HandleAsync(actor, new NewFamilyContact(id, Today, "Father", ContactMethod.Phone, "Called."));

        Assert.Equal(reads, read.IsSuccess);
        Assert.Equal(keeps, kept.IsSuccess);
        if (reads)
        {
            Assert.Equal(keeps, read.Value.CanEdit);
        }

        Assert.Equal(before + (reads ? 0 : 1) + (keeps ? 0 : 1), await RefusalsAsync(actor.UserId, id));
    }

    [Fact]
    public async Task AuthorWhoseAppointmentEnded_LosesTheLogOnTheNextRequest()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        Assert.True((await Portal.Get<FamilyLogQuery>().HandleAsync(author, id)).IsSuccess);

        await Portal.WithDbAsync(db => db.ReviewParticipants.Where(p => p.ReviewId == id && p.UserId == author.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, DateTime.UtcNow)));

        Assert.IsType<AccessRefused>((await Portal.Get<FamilyLogQuery>().HandleAsync(author, id)).Error);
        Assert.IsType<AccessRefused>((await SaveAsync(id, DemoAccounts.Author, PseudonymConsent.Withdrawn, 0)).Error);
    }
}

public sealed class FamilyLogSqliteTests(SqliteFixture fixture) : FamilyLogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class FamilyLogPostgresTests(PostgresFixture fixture) : FamilyLogTests(fixture), IClassFixture<PostgresFixture>;
