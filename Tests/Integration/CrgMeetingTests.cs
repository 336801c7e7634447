using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Crg;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Crg;
using Workflows.Process;
using Workflows.Reviews;
using Workflows.Submissions;

namespace Portal.Integration.Tests;

/// CRG meetings on a real database of each provider: the proposed agenda, outcomes fired through the engine,
/// and what CRG members may see.
public abstract class CrgMeetingTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private Task<int> OfficeAsync(string code = "LR") => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private async Task<int> CreateMeetingAsync(int daysAhead, string who = DemoAccounts.LrOfficer, string office = "LR")
    {
        var result = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(await Portal.ActorAsync(who), await OfficeAsync(office), Today.AddDays(daysAhead), "10:00", "Committee Room 2, City Hall");
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// The meeting took place: created in the future as the portal requires, then moved to a past date.
    private Task<int> TookPlaceAsync(int meetingId, int daysAgo = 1) => Portal.WithDbAsync(db =>
        db.CrgMeetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.MeetingDate, Today.AddDays(-daysAgo))));

    private Task<CrgAgendaItem> ItemAsync(int meetingId, int reviewId) =>
        Portal.WithDbAsync(db => db.CrgAgendaItems.Include(i => i.Amendments).SingleAsync(i => i.MeetingId == meetingId && i.ReviewId == reviewId));

    private Task<Review> ReviewAsync(int id) => Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<Result<TransitionResult>> RecordAsync(long itemId, CrgItemOutcome outcome, string? rationale = "The CRG's reasons.",
        IReadOnlyList<string>? amendments = null, string who = DemoAccounts.LrOfficer) =>
        await Portal.Get<RecordCrgOutcomeHandler>().HandleAsync(await Portal.ActorAsync(who), itemId, new CrgOutcomeInput(outcome, rationale, false, amendments ?? []));

    [Fact]
    public async Task CreateMeeting_ProposesTheOfficesCasesWaitingForADecisionOrSignOff()
    {
        var notified = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var awaiting = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        await Portal.FireOkAsync(awaiting, Trigger.PresentToCrg);
        var signOff = await Portal.ReviewAtSignOffAsync(Today, signedOff: false);
        var signedOff = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        var decided = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        await Portal.FireOkAsync(decided, Trigger.PresentToCrg);
        await Portal.FireOkAsync(decided, new RecordCriteriaMetArgs { Comment = "Met." });
        var kent = await Portal.RegisterReviewAsync(Today.AddDays(-5), "Dover CSP", DemoAccounts.KentOfficer);

        var meeting = await CreateMeetingAsync(7);

        var items = await Portal.WithDbAsync(db => db.CrgAgendaItems.Where(i => i.MeetingId == meeting).ToDictionaryAsync(i => i.ReviewId, i => i.Purpose));
        Assert.Equal(AgendaPurpose.Decision, items[notified]);
        Assert.Equal(AgendaPurpose.Decision, items[awaiting]);
        Assert.Equal(AgendaPurpose.SignOff, items[signOff]);
        Assert.DoesNotContain(signedOff, items.Keys);
        Assert.DoesNotContain(decided, items.Keys);
        Assert.DoesNotContain(kent, items.Keys);

        // A later meeting does not propose what is already on an open agenda.
        var later = await CreateMeetingAsync(35);
        Assert.False(await Portal.WithDbAsync(db => db.CrgAgendaItems.AnyAsync(i => i.MeetingId == later && i.ReviewId == notified)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task CreateMeeting_NotInTheFuture_ClearMessageAndNothingSaved(int days)
    {
        var before = await Portal.WithDbAsync(db => db.CrgMeetings.CountAsync());

        var result = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), await OfficeAsync(), Today.AddDays(days), "10:00", "Committee Room 2, City Hall");

        var error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        Assert.Equal("MeetingDate", error.Field);
        Assert.Contains("must be in the future", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.CrgMeetings.CountAsync()));
    }

    [Theory]
    [InlineData(null, null, "StartsAt", "Place")]
    [InlineData("25:00", "Room 1", "StartsAt", null)]
    [InlineData("half ten", " ", "StartsAt", "Place")]
    public async Task CreateMeeting_WithoutATimeOrPlace_SaysWhatIsWrongBesideEach_AndNothingSaved(string? time, string? place, string first, string? second)
    {
        var before = await Portal.WithDbAsync(db => db.CrgMeetings.CountAsync());

        var result = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), await OfficeAsync(), Today.AddDays(10), time, place);

        var errors = Assert.IsType<ValidationFailed>(result.Error).Errors;
        Assert.Equal(new[] { first, second }.OfType<string>(), errors.Select(e => e.Field));
        if (time is "25:00")
        {
            Assert.Equal("We could not read '25:00' as a time: enter it as hours and minutes on the 24-hour clock, for example 14:30.", errors[0].Message);
        }

        Assert.Equal(before, await Portal.WithDbAsync(db => db.CrgMeetings.CountAsync()));
    }

    [Fact]
    public async Task CreateMeeting_KeepsItsTimeAndPlace_AsTyped()
    {
        var result = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), await OfficeAsync(), Today.AddDays(12), "9.30", "  Online (Teams)  ");

        Assert.True(result.IsSuccess, result.Error?.Message);
        var meeting = await Portal.WithDbAsync(db => db.CrgMeetings.SingleAsync(m => m.Id == result.Value));
        Assert.Equal((new TimeOnly(9, 30), "Online (Teams)"), (meeting.StartsAt!.Value, meeting.Place));
        Assert.Equal($"{Domain.Calendar.UkDate.Format(Today.AddDays(12))} at 09:30", Domain.Crg.CrgRules.When(meeting.MeetingDate, meeting.StartsAt));
    }

    [Theory]
    [InlineData(DemoAccounts.KentOfficer)]
    [InlineData(DemoAccounts.LrManager)]
    [InlineData(DemoAccounts.CrgMember)]
    public async Task CreateMeeting_NotAnOfficerOfTheOffice_RefusedAndAudited(string who)
    {
        var actor = await Portal.ActorAsync(who);

        var result = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(actor, await OfficeAsync(), Today.AddDays(10), "10:00", "Committee Room 2, City Hall");

        Assert.IsType<AccessRefused>(result.Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused && a.Subject == "CrgMeeting")));
    }

    [Fact]
    public async Task Agenda_OfficerRemovesAndAddsCases_OnlyWaitingCasesOfTheOffice()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var meeting = await CreateMeetingAsync(9);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var agenda = Portal.Get<ChangeAgendaHandler>();
        var item = await ItemAsync(meeting, review);

        Assert.True((await agenda.RemoveAsync(officer, item.Id)).IsSuccess);
        var candidates = (await Portal.Get<GetCrgMeetingQuery>().HandleAsync(officer, meeting)).Value.Candidates;
        Assert.Contains(candidates, c => c.ReviewId == review);
        Assert.True((await agenda.AddAsync(officer, meeting, review)).IsSuccess);
        Assert.Equal("The case is already on this meeting's agenda.", (await agenda.AddAsync(officer, meeting, review)).Error!.Message);

        var kentReview = await Portal.RegisterReviewAsync(Today.AddDays(-5), "Dover CSP", DemoAccounts.KentOfficer);
        Assert.Equal("ReviewId", (await agenda.AddAsync(officer, meeting, kentReview)).Error!.Field);
        Assert.IsType<AccessRefused>((await agenda.AddAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), meeting, review)).Error);
    }

    [Fact]
    public async Task RecordOutcome_CaseNotYetPresented_PresentsOnTheMeetingDateThenDecides_OnceWhenRepeated()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-20));
        var meeting = await CreateMeetingAsync(3);
        await TookPlaceAsync(meeting, daysAgo: 2);
        var item = await ItemAsync(meeting, review);

        var first = await RecordAsync(item.Id, CrgItemOutcome.CriteriaMet, "Former partner; coercive control.");
        var again = await RecordAsync(item.Id, CrgItemOutcome.CriteriaMet, "Former partner; coercive control.");
        var other = await RecordAsync(item.Id, CrgItemOutcome.CriteriaNotMet);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.False(first.Value.Repeated);
        Assert.True(again.Value.Repeated);
        Assert.Contains("already recorded", other.Error!.Message, StringComparison.Ordinal);
        var r = await ReviewAsync(review);
        Assert.Equal(Stage.DecisionNotified, r.Stage);
        Assert.Equal(Today.AddDays(-2), r.CrgFirstPresentedOn);
        Assert.Equal(Today.AddDays(-2), r.DecidedOn);
        Assert.Equal(CrgOutcome.CriteriaMet, r.CrgOutcome);
        var journal = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.ReviewId == review && j.Trigger != null).Select(j => j.Trigger).ToListAsync());
        Assert.Equal([Trigger.PresentToCrg, Trigger.RecordCriteriaMet], journal);
        var recorded = await ItemAsync(meeting, review);
        Assert.Equal(CrgItemOutcome.CriteriaMet, recorded.Outcome);
        Assert.Equal("Former partner; coercive control.", recorded.Rationale);
    }

    [Fact]
    public async Task RecordOutcome_MoreInformationNeeded_StaysAndIsCarriedToTheNextMeeting()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-20));
        var meeting = await CreateMeetingAsync(2);
        var next = await CreateMeetingAsync(1); // no meeting of another test can fall between today and tomorrow
        await TookPlaceAsync(meeting, daysAgo: 0);
        var item = await ItemAsync(meeting, review);

        var result = await RecordAsync(item.Id, CrgItemOutcome.MoreInformationNeeded, "Police chronology needed.");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(Stage.AwaitingCrgDecision, (await ReviewAsync(review)).Stage);
        var carried = await ItemAsync(next, review);
        Assert.Equal(item.Id, carried.CarriedFromItemId);
        Assert.Null(carried.Outcome);
    }

    [Fact]
    public async Task RecordOutcome_AmendmentsRequired_ListsThemAndSendsTheReportBack_SignedOffRecordsTheMeetingDate()
    {
        var back = await Portal.ReviewAtSignOffAsync(Today, signedOff: false);
        var signs = await Portal.ReviewAtSignOffAsync(Today, signedOff: false);
        var meeting = await CreateMeetingAsync(4);
        await TookPlaceAsync(meeting, daysAgo: 0);

        var amended = await RecordAsync((await ItemAsync(meeting, back)).Id, CrgItemOutcome.AmendmentsRequired, null, ["Clarify the chronology.", "Add the GP's view."]);
        var signedOff = await RecordAsync((await ItemAsync(meeting, signs)).Id, CrgItemOutcome.SignedOff, null);

        Assert.True(amended.IsSuccess, amended.Error?.Message);
        Assert.Equal(Stage.PanelAndReport, (await ReviewAsync(back)).Stage);
        Assert.Equal(["Clarify the chronology.", "Add the GP's view."], (await ItemAsync(meeting, back)).Amendments.OrderBy(a => a.Number).Select(a => a.Text));
        Assert.True(signedOff.IsSuccess, signedOff.Error?.Message);
        Assert.Equal(Today, (await ReviewAsync(signs)).SignedOffOn);
        var section = await Portal.Get<SubmissionQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), back);
        Assert.Equal(2, Assert.Single(section.Value.SignOffAmendments).Amendments.Count);
    }

    [Fact]
    public async Task RecordOutcome_BadInputOrBeforeTheMeeting_SavesNothing()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-20));
        var meeting = await CreateMeetingAsync(5);
        var item = await ItemAsync(meeting, review);

        var early = await RecordAsync(item.Id, CrgItemOutcome.CriteriaMet);
        await TookPlaceAsync(meeting);
        var noRationale = await RecordAsync(item.Id, CrgItemOutcome.CriteriaNotMet, "  ");
        var wrongKind = await RecordAsync(item.Id, CrgItemOutcome.SignedOff);

        Assert.Contains("has not taken place yet", early.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("Rationale", Assert.Single(Assert.IsType<ValidationFailed>(noRationale.Error).Errors).Field);
        Assert.Equal("Outcome", Assert.Single(Assert.IsType<ValidationFailed>(wrongKind.Error).Errors).Field);
        Assert.Equal(Stage.NotificationReceived, (await ReviewAsync(review)).Stage);
        Assert.Null((await ItemAsync(meeting, review)).Outcome);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == review && j.Kind == JournalKind.Transition)));
    }

    [Fact]
    public async Task CrgMember_SeesOnlySharedPapersOfTheirOffice_AndNothingElseOfAnyCase()
    {
        var review = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var meeting = await CreateMeetingAsync(6);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var member = await Portal.ActorAsync(DemoAccounts.CrgMember);
        var query = Portal.Get<GetCrgMeetingQuery>();

        var beforeSharing = await query.HandleAsync(member, meeting);
        Assert.IsType<AccessRefused>(beforeSharing.Error);
        Assert.DoesNotContain(meeting, (await Portal.Get<ListCrgMeetingsQuery>().HandleAsync(member)).Meetings.Select(m => m.Id));

        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);
        var papers = await query.HandleAsync(member, meeting);

        Assert.True(papers.IsSuccess, papers.Error?.Message);
        Assert.False(papers.Value.CanChange);
        Assert.Empty(papers.Value.Candidates);
        var paper = Assert.Single(papers.Value.Items, i => i.ReviewId == review);
        Assert.Equal("A summary.", paper.Summary);
        Assert.Equal(AgendaPurpose.Decision, paper.Purpose);
        Assert.Contains(meeting, (await Portal.Get<ListCrgMeetingsQuery>().HandleAsync(member)).Meetings.Select(m => m.Id));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == member.UserId && a.Action == AuditAction.Viewed && a.ReviewId == review)));

        // Nothing else of the case: not the review page, not its submission section, no changes to the agenda.
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(member, review)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<SubmissionQuery>().HandleAsync(member, review)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ChangeAgendaHandler>().RemoveAsync(member, papers.Value.Items[0].Id)).Error);
        Assert.IsType<AccessRefused>((await RecordAsync(papers.Value.Items[0].Id, CrgItemOutcome.CriteriaMet, who: DemoAccounts.CrgMember)).Error);

        // Another office's meeting, even shared, is refused, and the refusal is audited.
        var kentOfficer = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var kentReview = await Portal.RegisterReviewAsync(Today.AddDays(-5), "Dover CSP", DemoAccounts.KentOfficer);
        var kentMeeting = await CreateMeetingAsync(6, DemoAccounts.KentOfficer, "KT");
        if (!await Portal.WithDbAsync(db => db.CrgAgendaItems.AnyAsync(i => i.MeetingId == kentMeeting)))
        {
            await Portal.Get<ChangeAgendaHandler>().AddAsync(kentOfficer, kentMeeting, kentReview);
        }

        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(kentOfficer, kentMeeting)).IsSuccess);
        Assert.IsType<AccessRefused>((await query.HandleAsync(member, kentMeeting)).Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == member.UserId && a.Action == AuditAction.Refused
            && a.Subject == "CrgMeeting" && a.SubjectId == kentMeeting.ToString())));
    }
}

public sealed class CrgMeetingSqliteTests(SqliteFixture fixture) : CrgMeetingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CrgMeetingPostgresTests(PostgresFixture fixture) : CrgMeetingTests(fixture), IClassFixture<PostgresFixture>;
