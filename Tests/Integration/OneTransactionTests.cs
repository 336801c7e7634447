using Domain;
using Domain.Audit;
using Domain.Authors;
using Domain.Calendar;
using Domain.Crg;
using Domain.Family;
using Domain.Themes;
using Domain.Reviews;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Authors;
using Workflows.Crg;
using Workflows.Family;
using Workflows.Themes;

namespace Portal.Integration.Tests;

/// A command that moves a review and records the feature's own rows is one transaction: the database refuses the
/// feature's half (a trigger that aborts the write, on this test's row only), and nothing of the transition is left
/// either. Without one transaction, the CRG's "presented" step and the appointment were committed before the failure, and
/// a new theme without its audit row.
public abstract class OneTransactionTests(ProviderFixture fixture, DatabaseProvider provider)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task CrgOutcome_WhenTheAgendaItemCannotBeSaved_LeavesTheReviewUnpresentedAndUndecided()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-20));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var meeting = (await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(officer, office, Today.AddDays(5), "10:00", "Committee Room 2, City Hall")).Value;
        await Portal.WithDbAsync(db => db.CrgMeetings.Where(m => m.Id == meeting).ExecuteUpdateAsync(s => s.SetProperty(m => m.MeetingDate, Today.AddDays(-1))));
        var item = await Portal.WithDbAsync(db => db.CrgAgendaItems.Where(i => i.MeetingId == meeting && i.ReviewId == review).Select(i => i.Id).SingleAsync());
        var input = new CrgOutcomeInput(CrgItemOutcome.CriteriaMet, "Former partner.", false, []);

        await using (await RefuseUpdatesAsync("CrgAgendaItems", item))
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Portal.Get<RecordCrgOutcomeHandler>().HandleAsync(officer, item, input));
        }

        await Portal.WithDbAsync(async db =>
        {
            var r = await db.Reviews.AsNoTracking().SingleAsync(x => x.Id == review);
            Assert.Equal((Stage.NotificationReceived, 0, null, null), (r.Stage, r.Version, r.CrgFirstPresentedOn, r.DecidedOn));
            Assert.False(await db.JournalEntries.AnyAsync(j => j.ReviewId == review && j.Kind == JournalKind.Transition));
            Assert.False(await db.IdempotencyKeys.AnyAsync(k => k.ReviewId == review));
            Assert.Equal([WorkItemKind.PresentToCrg], await db.WorkItems.Where(w => w.ReviewId == review && w.Status == WorkItemStatus.Open).Select(w => w.Kind).ToListAsync());
            Assert.Null((await db.CrgAgendaItems.SingleAsync(i => i.Id == item)).Outcome);
            return 0;
        });

        // Once the database takes it, the same outcome records both steps together.
        var recorded = await Portal.Get<RecordCrgOutcomeHandler>().HandleAsync(officer, item, input);
        Assert.True(recorded.IsSuccess, recorded.Error?.Message);
        var steps = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.ReviewId == review && j.Kind == JournalKind.Transition)
            .OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync());
        Assert.Equal([Trigger.PresentToCrg, Trigger.RecordCriteriaMet], steps);
    }

    [Fact]
    public async Task Appointment_WhenTheExpressionOfInterestCannotBeClosed_AppointsNobody()
    {
        var review = await Portal.CommissioningReviewAsync(Today.AddDays(-20));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var author = (await Portal.ActorAsync(DemoAccounts.Author)).UserId;
        var sent = await Portal.Get<SendEoiHandler>().HandleAsync(officer, new SendEoi(review, "Death of a man in his fifties.", Today.AddDays(14), [author]));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var request = new AppointRequest(review, sent.Value, author, true, null, "£12,500", null, null);

        await using (await RefuseUpdatesAsync("ExpressionsOfInterest", sent.Value))
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Portal.Get<AppointAuthorHandler>().HandleAsync(officer, request, Guid.NewGuid().ToString()));
        }

        await Portal.WithDbAsync(async db =>
        {
            var r = await db.Reviews.AsNoTracking().Include(x => x.Participants).SingleAsync(x => x.Id == review);
            Assert.Equal(Stage.Commissioning, r.Stage);
            Assert.DoesNotContain(r.Participants, p => p.Kind == ParticipantKind.ChairAuthor);
            Assert.False(await db.AuthorAppointments.AnyAsync(a => a.ReviewId == review));
            Assert.False(await db.JournalEntries.AnyAsync(j => j.ReviewId == review && j.Trigger == Trigger.AppointAuthor));
            Assert.Equal(EoiStatus.Open, (await db.ExpressionsOfInterest.SingleAsync(e => e.Id == sent.Value)).Status);
            Assert.True(await db.WorkItems.AnyAsync(w => w.ReviewId == review && w.Kind == WorkItemKind.AppointAuthor && w.Status == WorkItemStatus.Open));
            return 0;
        });

        var appointed = await Portal.Get<AppointAuthorHandler>().HandleAsync(officer, request, Guid.NewGuid().ToString());
        Assert.True(appointed.IsSuccess, appointed.Error?.Message);
        Assert.Equal(EoiStatus.Appointed, await Portal.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.Id == sent.Value).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task FamilyConsent_WhenItsJournalEntryCannotBeSaved_LeavesTheLogAndTheReviewAsTheyWere()
    {
        var review = await Portal.ReviewAtPanelAndReportAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var input = new FamilyAgreementsInput(review, true, "AAFDA", "Diana", PseudonymConsent.Withdrawn, Today, null, null, 0);
        var version = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.Version).SingleAsync());

        Result<FamilyAgreementsSaved> refused;
        await using (await RefuseAsync("JournalEntries", "INSERT", $"\"ReviewId\" = {review} AND NEW.\"Kind\" = '{JournalKind.Recorded}'"))
        {
            refused = await Portal.Get<SaveFamilyAgreementsHandler>().HandleAsync(officer, input);
        }

        Assert.IsType<Conflict>(refused.Error);
        await Portal.WithDbAsync(async db =>
        {
            var r = await db.Reviews.AsNoTracking().SingleAsync(x => x.Id == review);
            Assert.Equal((false, version), (r.FamilyConsentWithdrawn, r.Version));
            Assert.False(await db.FamilyEngagements.AnyAsync(f => f.ReviewId == review));
            Assert.False(await db.JournalEntries.AnyAsync(j => j.ReviewId == review && j.Kind == JournalKind.Recorded));
            Assert.False(await db.AuditEvents.AnyAsync(a => a.ReviewId == review && a.Action == AuditAction.Changed
                && (a.Subject == "FamilyLog" || a.Detail!.StartsWith("FamilyConsentWithdrawn"))));
            return 0;
        });

        // Once the database takes it, the log, the review's flag and the journal entry are saved together.
        var saved = await Portal.Get<SaveFamilyAgreementsHandler>().HandleAsync(officer, input);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.SingleAsync(j => j.ReviewId == review && j.Kind == JournalKind.Recorded));
        Assert.Equal((Today, officer.UserId, (Trigger?)null), (entry.OccurredOn, entry.UserId, entry.Trigger));
        Assert.StartsWith("The family withdrew consent to the report pseudonym on ", entry.Detail, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.FamilyConsentWithdrawn).SingleAsync()));
    }

    [Fact]
    public async Task NewTheme_WhenItsAuditRowCannotBeSaved_IsNotAdded()
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var name = $"Refused {Guid.NewGuid():N}"[..16];

        await using (await RefuseAsync("AuditEvents", "INSERT", "\"Subject\" = 'Theme'"))
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Portal.Get<ThemeAdminHandler>().AddAsync(admin, name, ThemeGroup.Practice));
        }

        Assert.False(await Portal.WithDbAsync(db => db.Themes.AnyAsync(t => t.Name == name)));
        var added = await Portal.Get<ThemeAdminHandler>().AddAsync(admin, name, ThemeGroup.Practice);
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Subject == "Theme" && a.SubjectId == added.Value.ToString())));
    }

    /// A database trigger that aborts any update of one row of the table until disposed.
    private Task<IAsyncDisposable> RefuseUpdatesAsync(string table, long id) => RefuseAsync(table, "UPDATE", $"\"Id\" = {id}");

    /// A database trigger that aborts the writes ("INSERT" or "UPDATE") of the table's rows whose new values meet the
    /// condition (SQL on NEW."Column"), until disposed.
    private async Task<IAsyncDisposable> RefuseAsync(string table, string write, string condition)
    {
        var name = $"refuse_{table}_{Guid.NewGuid():N}".ToLowerInvariant();
        var when = "NEW." + condition;
        var create = provider == DatabaseProvider.PostgreSql
            ? [
                $"CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql",
                $"CREATE TRIGGER {name} BEFORE {write} ON \"{table}\" FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}()",
            ]
            : new[] { $"CREATE TRIGGER {name} BEFORE {write} ON \"{table}\" WHEN {when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END" };
        var drop = provider == DatabaseProvider.PostgreSql
            ? new[] { $"DROP TRIGGER {name} ON \"{table}\"", $"DROP FUNCTION {name}()" }
            : [$"DROP TRIGGER {name}"];
        await RunAsync(create);
        return new Undo(() => RunAsync(drop));
    }

    private Task<int> RunAsync(IEnumerable<string> statements) => Portal.WithDbAsync(async db =>
    {
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        return 0;
    });

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}

public sealed class OneTransactionSqliteTests(SqliteFixture fixture) : OneTransactionTests(fixture, DatabaseProvider.Sqlite), IClassFixture<SqliteFixture>;

public sealed class OneTransactionPostgresTests(PostgresFixture fixture) : OneTransactionTests(fixture, DatabaseProvider.PostgreSql), IClassFixture<PostgresFixture>;
