using Domain;
using Domain.Audit;
using Domain.Conduct;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Conduct;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// The findings and conduct of a review on a real database of each provider: the lead office records and reads them,
/// those who may read the review's restricted details read them, everyone else is refused and the refusal audited; the
/// author's words are protected at rest and never in the audit trail or the logs; a stale form and a wrong stage save nothing.
public abstract class ConductTests(ProviderFixture fixture)
{
    private const string PredictableWords = "The panel concluded that Adebayo's death could not have been predicted from what agencies knew.";
    private const string PreventableWords = "Had the MARAC referral been made in March, the homicide may have been prevented.";

    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private async Task<Result<int>> SaveFindingsAsync(string who, int reviewId, FindingsInput input, int version = 0) =>
        await Portal.Get<SaveFindingsHandler>().HandleAsync(await Portal.ActorAsync(who), new SaveFindings(reviewId, input, version));

    private FindingsInput Findings => new(FindingAnswer.No, PredictableWords, FindingAnswer.Partly, PreventableWords, Today.AddDays(-1));

    private Task<int> RefusalsAsync(string userId, int reviewId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused
            && a.Subject == ConductAccess.Subject));

    /// No value of the protected text appears in the audit trail or the logs.
    private async Task AssertNotLeakedAsync(int reviewId, params string[] texts)
    {
        var details = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == reviewId).Select(a => a.Detail ?? string.Empty).ToListAsync());
        foreach (var text in texts)
        {
            var fragment = text[..20];
            Assert.DoesNotContain(details, d => d.Contains(fragment, StringComparison.Ordinal));
            Assert.DoesNotContain(Portal.Logs.Lines, l => l.Message.Contains(fragment, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Officer_RecordsFindings_WordsProtectedAtRest_AuditNamesWhatChangedNotTheWords()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();

        var saved = await SaveFindingsAsync(DemoAccounts.LrOfficer, id, Findings);

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal(1, saved.Value);
        var view = (await Portal.Get<ConductQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), id)).Value;
        Assert.True(view.CanRecord);
        var f = view.Findings!;
        Assert.Equal((FindingAnswer.No, PredictableWords, FindingAnswer.Partly, PreventableWords, Today.AddDays(-1), 1, "Olivia Officer"),
            (f.Predictable!.Value, f.PredictableWords, f.Preventable!.Value, f.PreventableWords, f.ReportDated!.Value, f.Version, f.UpdatedBy));

        var stored = await Portal.WithDbAsync(db => db.ReviewFindings.AsNoTracking().SingleAsync(r => r.ReviewId == id));
        Assert.True(AtRest.IsProtected(stored.PredictableWords));
        Assert.True(AtRest.IsProtected(stored.PreventableWords));
        var audit = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == id && a.Subject == ConductAccess.Subject).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Changed && a.Detail == "findings: predictable, preventable, report date");
        Assert.Contains(audit, a => a.Action == AuditAction.Viewed && a.Detail == "findings and conduct");
        await AssertNotLeakedAsync(id, PredictableWords, PreventableWords);

        // The same again changes nothing; a change names only what changed and moves the version on.
        Assert.Equal(1, (await SaveFindingsAsync(DemoAccounts.LrOfficer, id, Findings, version: 1)).Value);
        Assert.Equal(2, (await SaveFindingsAsync(DemoAccounts.LrManager, id, Findings with { Preventable = FindingAnswer.Yes }, version: 1)).Value);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Subject == ConductAccess.Subject
            && a.Action == AuditAction.Changed)));
        Assert.Contains(await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == id && a.Action == AuditAction.Changed)
            .Select(a => a.Detail).ToListAsync()), d => d == "findings: preventable");
    }

    [Fact]
    public async Task Findings_StaleForm_BadInput_AndWrongStage_SaveNothing()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        Assert.True((await SaveFindingsAsync(DemoAccounts.LrOfficer, id, Findings)).IsSuccess);

        // A form loaded before someone else's save.
        var stale = await SaveFindingsAsync(DemoAccounts.LrManager, id, Findings with { Predictable = FindingAnswer.Yes }, version: 0);
        Assert.IsType<Conflict>(stale.Error);

        var bad = await SaveFindingsAsync(DemoAccounts.LrOfficer, id,
            new FindingsInput(FindingAnswer.Yes, "  ", FindingAnswer.No, "words", Today.AddDays(1)), version: 1);
        var failed = Assert.IsType<ValidationFailed>(bad.Error);
        Assert.Equal(["PredictableWords", "ReportDated"], failed.Errors.Select(e => e.Field));
        var kept = await Portal.WithDbAsync(db => db.ReviewFindings.AsNoTracking().SingleAsync(r => r.ReviewId == id));
        Assert.Equal((FindingAnswer.No, 1), (kept.Predictable!.Value, kept.Version));

        // Before panel and report writing there is no draft to take findings from.
        var early = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var wrongStage = await SaveFindingsAsync(DemoAccounts.LrOfficer, early, Findings);
        Assert.StartsWith("The findings and conduct of a review are recorded from \"Panel and report writing\" onwards", wrongStage.Error!.Message,
            StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.ReviewFindings.AnyAsync(r => r.ReviewId == early)));
        var earlyView = (await Portal.Get<ConductQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), early)).Value;
        Assert.False(earlyView.CanRecord);
        Assert.NotNull(earlyView.StageNote);
    }

    public static TheoryData<string, bool, bool> Readers => new()
    {
        // account, reads, records
        { DemoAccounts.LrOfficer, true, true },
        { DemoAccounts.LrManager, true, true },
        { DemoAccounts.Author, true, false }, // appointed to the review: reads its restricted details
        { DemoAccounts.Dpo, true, false },
        { DemoAccounts.KentOfficer, false, false },
        { DemoAccounts.AgencyContact, false, false },
        { DemoAccounts.CrgMember, false, false },
        { DemoAccounts.BoardMember, false, false },
        { DemoAccounts.Admin, false, false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Conduct_ReadByThoseWhoReadRestrictedDetails_RecordedByTheLeadOffice_RefusalsAudited(string account, bool reads, bool records)
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var actor = await Portal.ActorAsync(account);
        var before = await RefusalsAsync(actor.UserId, id);

        var read = await Portal.Get<ConductQuery>().HandleAsync(actor, id);
        var recorded = await SaveFindingsAsync(account, id, Findings);

        Assert.Equal(reads, read.IsSuccess);
        Assert.Equal(records, recorded.IsSuccess);
        if (reads)
        {
            Assert.Equal(records, read.Value.CanRecord);
        }
        else
        {
            Assert.IsType<AccessRefused>(read.Error);
        }

        if (!records)
        {
            Assert.IsType<AccessRefused>(recorded.Error);
        }

        Assert.Equal(before + (reads ? 0 : 1) + (records ? 0 : 1), await RefusalsAsync(actor.UserId, id));
        Assert.Equal(records, await Portal.WithDbAsync(db => db.ReviewFindings.AnyAsync(r => r.ReviewId == id)));
    }
}

public sealed class ConductSqliteTests(SqliteFixture fixture) : ConductTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ConductPostgresTests(PostgresFixture fixture) : ConductTests(fixture), IClassFixture<PostgresFixture>;
