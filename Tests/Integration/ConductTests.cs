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
            var fragment = text[..Math.Min(20, text.Length)];
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
        Assert.Equal(wrongStage.Error!.Message, (await RecordTermsAsync(DemoAccounts.LrOfficer, early, Terms(Today), 0)).Error!.Message);
        Assert.Equal(wrongStage.Error!.Message, (await RecordInterviewAsync(DemoAccounts.LrOfficer, early, Interview("GP", Today))).Error!.Message);
        Assert.StartsWith("The findings and conduct of a review are recorded from \"Panel and report writing\" onwards", wrongStage.Error!.Message,
            StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.ReviewFindings.AnyAsync(r => r.ReviewId == early)));
        var earlyView = (await Portal.Get<ConductQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), early)).Value;
        Assert.False(earlyView.CanRecord);
        Assert.NotNull(earlyView.StageNote);
    }

    private const string TermsText = "Scope: from January 2019 to Adebayo's death. Agencies: police, GP, housing, IDVA service.";
    private const string FamilyAsked = "Why the GP did not act on her disclosures in 2021.";
    private const string NotInvitedReason = "The family could not be traced before the panel met.";

    private TermsInput Terms(DateOnly agreed, string? changeReason = null) =>
        new(TermsText, agreed, FamilyInvited: true, FamilyContributed: true, FamilyAsked, null, changeReason);

    private async Task<Result<int>> RecordTermsAsync(string who, int reviewId, TermsInput input, int expectedVersions) =>
        await Portal.Get<RecordTermsOfReferenceHandler>().HandleAsync(await Portal.ActorAsync(who), new RecordTermsOfReference(reviewId, input, expectedVersions));

    private InterviewInput Interview(string who, DateOnly on, InterviewConsent consent = InterviewConsent.Given, string? reason = null) =>
        new(who, IntervieweeGroup.Family, on, InterviewKind.Phone, consent, reason, InterviewConductor.Author);

    private async Task<Result<long>> RecordInterviewAsync(string who, int reviewId, InterviewInput input) =>
        await Portal.Get<RecordInterviewHandler>().HandleAsync(await Portal.ActorAsync(who), new RecordInterview(reviewId, input));

    [Fact]
    public async Task TermsOfReference_EachChangeIsANewVersion_NewestFirst_TheFamilysPartKept_StaleAndOutOfOrderRefused()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();

        Assert.Equal(1, (await RecordTermsAsync(DemoAccounts.LrOfficer, id,
            new TermsInput(TermsText, Today.AddDays(-10), false, null, null, NotInvitedReason, null), 0)).Value);
        Assert.Equal(2, (await RecordTermsAsync(DemoAccounts.LrManager, id, Terms(Today.AddDays(-3), "The family was traced and asked about the GP."), 1)).Value);

        // A form loaded before version 2, a date before the previous version's, a later version without its reason: nothing saved.
        Assert.IsType<Conflict>((await RecordTermsAsync(DemoAccounts.LrOfficer, id, Terms(Today, "Corrected the scope."), 1)).Error);
        var early = Assert.IsType<ValidationFailed>((await RecordTermsAsync(DemoAccounts.LrOfficer, id, Terms(Today.AddDays(-4)), 2)).Error);
        Assert.Equal(["AgreedOn", "ChangeReason"], early.Errors.Select(e => e.Field));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.TermsOfReference.CountAsync(t => t.ReviewId == id)));

        var terms = (await Portal.Get<ConductQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Dpo), id)).Value.Terms;
        Assert.Equal([2, 1], terms.Select(t => t.Number));
        Assert.Equal((Today.AddDays(-3), true, (bool?)true, FamilyAsked, "The family was traced and asked about the GP.", "Max Manager"),
            (terms[0].AgreedOn, terms[0].FamilyInvited, terms[0].FamilyContributed, terms[0].FamilyAsked, terms[0].ChangeReason, terms[0].By));
        Assert.Equal((false, NotInvitedReason, (string?)null), (terms[1].FamilyInvited, terms[1].NotInvitedReason, terms[1].ChangeReason));

        var stored = await Portal.WithDbAsync(db => db.TermsOfReference.AsNoTracking().Where(t => t.ReviewId == id).ToListAsync());
        Assert.All(stored, t => Assert.True(AtRest.IsProtected(t.Text)));
        Assert.True(AtRest.IsProtected(stored.Single(t => t.Number == 2).FamilyAsked));
        Assert.True(AtRest.IsProtected(stored.Single(t => t.Number == 1).NotInvitedReason));
        Assert.Contains(await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == id && a.Action == AuditAction.Created)
            .Select(a => a.Detail).ToListAsync()), d => d == "terms of reference: version 2");
        await AssertNotLeakedAsync(id, TermsText, FamilyAsked, NotInvitedReason, "The family was traced and asked");
    }

    [Fact]
    public async Task InterviewLog_NewestFirst_PagedByTen_IntervieweeProtected_BadInputSavesNothing()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        for (var n = 0; n < 11; n++)
        {
            Assert.True((await RecordInterviewAsync(DemoAccounts.LrOfficer, id, Interview($"Neighbour number {n}", Today.AddDays(-15 + n)))).IsSuccess);
        }

        Assert.True((await RecordInterviewAsync(DemoAccounts.LrOfficer, id,
            Interview("The perpetrator's probation officer", Today.AddDays(-16), InterviewConsent.NotSought, "Interviewed in her professional role."))).IsSuccess);
        var bad = await RecordInterviewAsync(DemoAccounts.LrOfficer, id, Interview("The victim's sister", Today.AddDays(1), InterviewConsent.NotSought));
        Assert.Equal(["HeldOn", "NotSoughtReason"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var first = (await Portal.Get<ConductQuery>().HandleAsync(officer, id)).Value.Interviews;
        Assert.Equal((1, 2, 12, 10), (first.Page, first.PageCount, first.Total, first.Entries.Count));
        Assert.Equal("Neighbour number 10", first.Entries[0].Interviewee);
        Assert.Equal(Today.AddDays(-5), first.Entries[0].HeldOn);
        var second = (await Portal.Get<ConductQuery>().HandleAsync(officer, id, interviewPage: 2)).Value.Interviews;
        Assert.Equal(["Neighbour number 0", "The perpetrator's probation officer"], second.Entries.Select(e => e.Interviewee));
        Assert.Equal("Interviewed in her professional role.", second.Entries[1].NotSoughtReason);
        Assert.Equal(2, (await Portal.Get<ConductQuery>().HandleAsync(officer, id, interviewPage: 9)).Value.Interviews.Page);

        Assert.All(await Portal.WithDbAsync(db => db.Interviews.Where(i => i.ReviewId == id).Select(i => i.Interviewee).ToListAsync()),
            v => Assert.True(AtRest.IsProtected(v)));
        Assert.Contains(await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == id && a.Action == AuditAction.Created)
            .Select(a => a.Detail).ToListAsync()), d => d == $"interview: family, {Domain.Calendar.UkDate.Format(Today.AddDays(-16))}");
        await AssertNotLeakedAsync(id, "The perpetrator's probation officer", "Interviewed in her professional role.", "Neighbour number 1");
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
        var terms = await RecordTermsAsync(account, id, Terms(Today), 0);
        var interview = await RecordInterviewAsync(account, id, Interview("GP", Today));

        Assert.Equal(reads, read.IsSuccess);
        Assert.Equal(records, recorded.IsSuccess);
        Assert.Equal(records, terms.IsSuccess);
        Assert.Equal(records, interview.IsSuccess);
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
            Assert.IsType<AccessRefused>(terms.Error);
            Assert.IsType<AccessRefused>(interview.Error);
        }

        Assert.Equal(before + (reads ? 0 : 1) + (records ? 0 : 3), await RefusalsAsync(actor.UserId, id));
        Assert.Equal(records, await Portal.WithDbAsync(db => db.ReviewFindings.AnyAsync(r => r.ReviewId == id)));
        Assert.Equal(records, await Portal.WithDbAsync(db => db.TermsOfReference.AnyAsync(t => t.ReviewId == id)));
        Assert.Equal(records, await Portal.WithDbAsync(db => db.Interviews.AnyAsync(i => i.ReviewId == id)));
    }
}

public sealed class ConductSqliteTests(SqliteFixture fixture) : ConductTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ConductPostgresTests(PostgresFixture fixture) : ConductTests(fixture), IClassFixture<PostgresFixture>;
