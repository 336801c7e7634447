using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Budget;
using Domain.Conduct;
using Domain.Panels;
using Domain.Profiles;
using Domain.Requests;
using Domain.Reviews;
using Domain.Themes;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.ActionPlans;
using Workflows.Authors;
using Workflows.Budget;
using Workflows.Commissioner;
using Workflows.Conduct;
using Workflows.Crg;
using Workflows.Data;
using Workflows.Drafts;
using Workflows.Elsewhere;
using Workflows.Panels;
using Workflows.Process;
using Workflows.Profiles;
using Workflows.Requests;
using Workflows.Reviews;
using Workflows.Themes;
using Workflows.WorkItems;

namespace Infrastructure.Seeding;

/// A demo review to register: DemoData's dozen and the three of DemoWork.
internal sealed record DemoCase(Actor Officer, ReviewType Type, string Lead, string[] Others, int Agency, DateOnly Notified, int DeathYear,
    int DeathMonth, int Deceased, string Summary);

/// The people of the demo who do its day-to-day work.
internal sealed record DemoPeople(Actor Officer, Actor Manager, Actor Author, Actor Contact);

/// The LR office's day-to-day work, so that every page has something on it for each demo role: three more reviews (one
/// with a panel, a panel meeting, two draft rounds with comments, information requests returned and overdue; one signed
/// off by the CRG with an action plan and its updates; an alternative review out for commissioning with an expression
/// of interest waiting for the author's reply, under a complaint), themes and case updates, a review led elsewhere, a
/// CRG meeting to come with its papers shared, two years of the pooled budget, and the three reviews' case profiles; the
/// review being written has its findings, terms of reference (with the family's part) and interviews (by role, never a
/// name), the signed-off one a briefing; the office has three of the Domestic Abuse Commissioner's recommendations (one
/// due soon, one overdue, one answered), and its manager a task of their own.
/// Everything goes through the handlers the pages use, at the business time it happened (DemoHistories' clock), dated
/// back from today so that the demo is current on whatever day it is made.
internal sealed class DemoWork(DemoHistories histories, DemoPeople people, IReadOnlyDictionary<string, int> organisations)
{
    private static readonly TimeOnly TenAm = new(10, 0);

    private DateOnly Today => histories.Today;

    /// The three reviews, registered by DemoData in this order (after its dozen, so that their references do not move).
    public IReadOnlyList<(DemoCase Case, DemoHistories.Step[] Script)> Cases()
    {
        var police = organisations["Leicestershire Police"];
        DateOnly Ago(int days) => Today.AddDays(-days);
        DemoCase Case(ReviewType type, string lead, int notifiedDaysAgo, string summary)
        {
            var death = Ago(notifiedDaysAgo + 30);
            return new DemoCase(people.Officer, type, lead, [], police, Ago(notifiedDaysAgo), death.Year, death.Month, 1, summary);
        }

        static DemoHistories.Step S(int day, Trigger trigger, string? comment = null) => new(day, TriggerArgs.For(trigger) with { Comment = comment });
        DemoHistories.Step Appoint(int day) => new(day, new AppointAuthorArgs { AuthorUserId = people.Author.UserId, FeePence = 1_350_000 });
        DemoHistories.Step[] Decided(int presented, int decided) =>
        [
            S(presented, Trigger.PresentToCrg),
            S(decided, Trigger.RecordCriteriaMet, "Intimate partner homicide: the statutory criteria are met."),
            S(decided + 3, Trigger.RecordHomeOfficeNotified),
            S(decided + 15, Trigger.RecordHomeOfficeAcknowledged),
        ];

        return
        [
            // PanelReview: with its panel, writing its report.
            (Case(ReviewType.Dardr, "Leicester City CSP", PanelDaysAgo, "Death of a woman after she left a controlling partner; police and health involved."),
                [.. Decided(10, 20), Appoint(40)]),
            // SignedOffReview: signed off by the CRG; its action plan under way.
            (Case(ReviewType.Dardr, "Leicestershire CSP", SignedOffDaysAgo, "Death of a woman in her sixties; long history of coercive control."),
                [.. Decided(10, 25), Appoint(60), S(SignedOffDaysAgo - 80, Trigger.SubmitForSignOff), S(SignedOffDaysAgo - 60, Trigger.RecordSignedOff)]),
            // AlternativeReview: criteria not met, an alternative review instead; a chair/author is being found.
            (Case(ReviewType.Dardr, "Charnwood CSP", AlternativeDaysAgo, "Suicide of a young man; his family describe abuse by a partner."),
            [
                S(10, Trigger.PresentToCrg),
                new(25, new RecordCriteriaNotMetArgs { AlternativeReview = true, Comment = "Criteria not met, but agencies' contacts hold learning: alternative review." }),
                S(28, Trigger.RecordHomeOfficeNotified), S(45, Trigger.RecordHomeOfficeAcknowledged),
            ]),
        ];
    }

    private const int PanelDaysAgo = 200;
    private const int SignedOffDaysAgo = 420;
    private const int AlternativeDaysAgo = 120;

    /// The work on the three reviews (ids in the order of Cases) and the office's, each at its date; then DemoData catches up.
    public async Task PlayAsync(int panelReview, int signedOffReview, int alternativeReview, CancellationToken ct)
    {
        await PanelAsync(panelReview, Today.AddDays(-PanelDaysAgo), ct);
        await ActionPlanAsync(signedOffReview, ct);
        await AlternativeAsync(alternativeReview, ct);
        await LedElsewhereAsync(ct);
        await CrgMeetingAsync(ct);
        await BudgetAsync(panelReview, signedOffReview, ct);
        await ProfilesAsync(panelReview, signedOffReview, alternativeReview, ct);
        await BriefingAsync(signedOffReview, ct);
        await CommissionerAsync(ct);
    }

    /// The manager takes over the review of a hold from the team queue (review tasks are offered to officers: a manager
    /// hands one over, here to themselves, with the note the reassign form asks for), so that their "Your work" is not
    /// empty. Run after the catch-up, when every task the demo's histories open is there.
    public async Task ManagerTaskAsync(CancellationToken ct)
    {
        var manager = people.Manager;
        var offices = manager.OfficeIds.ToArray();
        var task = await histories.WithDbAsync(db => db.WorkItems
            .Where(w => w.Status == WorkItemStatus.Open && w.AssigneeUserId == null && w.OfficeId != null && offices.Contains(w.OfficeId.Value))
            .OrderBy(w => w.Kind != WorkItemKind.ReviewHold).ThenBy(w => w.DueDate == null).ThenBy(w => w.DueDate).ThenBy(w => w.Id)
            .Select(w => w.Id).FirstAsync(ct), ct);
        Ok(await histories.Make<WorkItemCommands>().ReassignAsync(manager, task, manager.UserId,
            "I will review this hold myself: the trial date is due to be confirmed.", ct: ct), "give the manager a task");
    }

    /// The findings and conduct of the review being written: the terms of reference agreed at the first panel meeting,
    /// with the family's part; two interviews, described by role; the findings as the second draft has them.
    private async Task ConductAsync(int review, DateOnly agreedOn, CancellationToken ct)
    {
        var officer = people.Officer;
        await histories.AtAsync(agreedOn.AddDays(2), ct);
        Ok(await histories.Make<RecordTermsOfReferenceHandler>().HandleAsync(officer, new RecordTermsOfReference(review, new TermsInput(
            "1. Agencies' contacts with the woman and her former partner in the year before her death.\n2. What was known of the risk after she "
            + "left him, and how it was shared.\n3. Barriers that kept her from seeking help.", agreedOn, FamilyInvited: true, FamilyContributed: true,
            "Her mother asked the review to look at why two calls to the police about the partner's messages were not linked.", null, null), 0), ct),
            "record the terms of reference");

        var interview = histories.Make<RecordInterviewHandler>();
        await histories.AtAsync(Today.AddDays(-100), ct);
        Ok(await interview.HandleAsync(officer, new RecordInterview(review, new InterviewInput("The victim's mother", IntervieweeGroup.Family,
            Today.AddDays(-104), InterviewKind.InPerson, InterviewConsent.Given, null, InterviewConductor.ChairAndAuthor)), ct), "record an interview");
        Ok(await interview.HandleAsync(officer, new RecordInterview(review, new InterviewInput("GP", IntervieweeGroup.Professional,
            Today.AddDays(-101), InterviewKind.Video, InterviewConsent.Given, null, InterviewConductor.Author)), ct), "record an interview");

        await histories.AtAsync(Today.AddDays(-11), ct);
        Ok(await histories.Make<SaveFindingsHandler>().HandleAsync(officer, new SaveFindings(review, new FindingsInput(
            FindingAnswer.Partly, "The risk after separation was foreseeable from the police's records, though not the timing.",
            FindingAnswer.NotConcluded, "The panel has not yet concluded whether linking the two calls would have changed the outcome.",
            Today.AddDays(-12)), 0), ct), "record the findings");
    }

    /// The signed-off review's briefing for professionals: the draft the portal writes, with the office's summary and questions.
    private async Task BriefingAsync(int review, CancellationToken ct)
    {
        await histories.AtAsync(Today.AddDays(-20), ct);
        var draft = Ok(await histories.Make<BriefingQuery>().HandleAsync(people.Officer, review, ct), "open the briefing").Prefilled;
        Ok(await histories.Make<SaveBriefingHandler>().HandleAsync(people.Officer, new SaveBriefing(review, draft with
        {
            Summary = "A woman in her sixties died at the hands of her husband after many years of coercive control that agencies saw only in parts.",
            Questions = "Would you recognise coercive control in an older couple?\nWhom would you tell, and how quickly?",
        }, 0), ct), "save the briefing");
    }

    /// The LR office's Commissioner's recommendations: one due in six days, one overdue, one answered.
    private async Task CommissionerAsync(CancellationToken ct)
    {
        var officer = people.Officer;
        var office = officer.OfficeIds.Single();
        var record = histories.Make<RecordCommissionerRecommendationHandler>();
        async Task<int> RecordAsync(int madeDaysAgo, string addressee, string report, string text)
        {
            await histories.AtAsync(Today.AddDays(-madeDaysAgo + 2), ct);
            return Ok(await record.HandleAsync(officer, new RecordCommissionerRecommendation(office, report, Today.AddDays(-madeDaysAgo),
                organisations[addressee], text), ct), "record a Commissioner's recommendation");
        }

        var answered = await RecordAsync(140, "University Hospitals of Leicester NHS Trust", "Safe to tell? Health settings (demo report)",
            "Ask every patient attending the emergency department with an injury about domestic abuse, in private.");
        await RecordAsync(75, "Leicester City CSP", "Learning from reviews (demo report)", "Publish each review's action plan with its report.");
        await RecordAsync(50, "Leicestershire Police", "Stalking after separation (demo report)",
            "Link every report of stalking to earlier domestic abuse incidents involving the same people.");
        await histories.AtAsync(Today.AddDays(-100), ct);
        Ok(await histories.Make<RecordCommissionerResponseHandler>().HandleAsync(officer, new RecordCommissionerResponse(answered, Today.AddDays(-100),
            "The trust accepted the recommendation: routine enquiry starts in the emergency department in the spring.", 1), ct), "record the response");
    }

    /// The three reviews' case profiles, so that the board's activity overview counts more than "Not recorded".
    private async Task ProfilesAsync(int panelReview, int signedOffReview, int alternativeReview, CancellationToken ct)
    {
        await histories.AtAsync(Today.AddDays(-1), ct);
        var save = histories.Make<SaveCaseProfileHandler>();
        static int Id(string key) => ProfileField.Seed.Single(f => f.Key == key).Id;
        foreach (var (review, sex, age, relationship, kind) in new[]
        {
            (panelReview, "Female", "38", "Ex-partner", "Homicide"),
            (signedOffReview, "Female", "63", "Intimate partner", "Homicide"),
            (alternativeReview, "Male", "24", "Intimate partner", "Suicide"),
        })
        {
            Ok(await save.HandleAsync(people.Officer, new SaveCaseProfile(review, new Dictionary<int, string?>
            {
                [Id(ProfileKeys.VictimSex)] = sex, [Id(ProfileKeys.VictimAge)] = age,
                [Id(ProfileKeys.Relationship)] = relationship, [Id(ProfileKeys.DeathKind)] = kind,
            }), ct), "record a case profile");
        }
    }

    private async Task PanelAsync(int review, DateOnly notified, CancellationToken ct)
    {
        var (officer, _, author, contact) = people;
        DateOnly Day(int n) => notified.AddDays(n);

        await histories.AtAsync(Day(45), ct);
        var panel = histories.Make<AddPanelMemberHandler>();
        Ok(await panel.HandleAsync(officer, review, author.UserId, PanelRole.Chair, ct), "add the chair to the panel");
        Ok(await panel.HandleAsync(officer, review, contact.UserId, PanelRole.AgencyRepresentative, ct), "add the police to the panel");
        var themes = histories.Make<ReviewThemesHandler>();
        Ok(await themes.SetThemesAsync(officer, review, await ThemesAsync(["Coercive control", "Separation", "Risk assessment"], ct), ct), "tag themes");

        // A scoping request, returned on time; an IMR request, now overdue.
        var requests = histories.Make<SendInformationRequestsHandler>();
        var scoping = Ok(await requests.HandleAsync(officer, new SendInformationRequests(review, RequestType.Scoping, [contact.UserId], Day(75),
            new RequestScope("Every contact with the woman and her partner, and what was known of the risk to her.", Day(-395), Day(-30),
                "Terms of reference 1 and 2: agencies' contacts in the year before the death.")), ct), "send the scoping request").RequestIds.Single();

        // The first panel meeting: proposed, scheduled with its place, held.
        await histories.AtAsync(Day(50), ct);
        var held = Weekday(Day(64));
        var meetingId = Ok(await histories.Make<ProposeMeetingHandler>().HandleAsync(officer, review,
            new ProposeMeeting("Panel meeting 1", [held.ToDateTime(TenAm), Weekday(held.AddDays(2)).ToDateTime(TenAm)]), ct), "propose the panel meeting");
        await histories.AtAsync(Day(52), ct);
        var (version, option) = await MeetingAsync(meetingId, ct);
        Ok(await histories.Make<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, version, option,
            new MeetingPlace("Committee Room 1, City Hall, Leicester", "https://meet.example.org/panel-1"), ct), "schedule the panel meeting");
        await histories.AtAsync(Day(62), ct);
        await ReturnAsync(scoping, "Scoping return: four contacts, two domestic incidents.", ct);
        await histories.AtAsync(held.AddDays(1), ct);
        Ok(await histories.Make<RecordAttendanceHandler>().HandleAsync(officer, meetingId, [author.UserId, contact.UserId],
            "Terms of reference agreed; IMRs requested from the police.", ct), "record the panel meeting");

        await histories.AtAsync(Day(100), ct);
        Ok(await requests.HandleAsync(officer, new SendInformationRequests(review, RequestType.Imr, [contact.UserId], Today.AddDays(-30),
            new RequestScope("An individual management review of the police's contacts with the woman and her partner.", Day(-395), Day(-30),
                "Terms of reference 1 to 4.")), ct), "send the IMR request");

        // Two draft rounds: the first commented on and closed, the second open for comments.
        await histories.AtAsync(Today.AddDays(-90), ct);
        var first = await DraftAsync(review, Today.AddDays(-76), ct);
        await histories.AtAsync(Today.AddDays(-80), ct);
        Ok(await histories.Make<AddDraftCommentHandler>().HandleAsync(contact, new NewDraftComment(first,
            "The chronology misses the police's visit after the second incident: see our scoping return.", "3.2"), ct), "comment on draft 1");
        await histories.AtAsync(Today.AddDays(-75), ct);
        Ok(await histories.Make<CloseCommentRoundHandler>().HandleAsync(officer, first, ct), "close the comments on draft 1");
        await histories.AtAsync(Today.AddDays(-12), ct);
        var second = await DraftAsync(review, Today.AddDays(10), ct);
        await histories.AtAsync(Today.AddDays(-6), ct);
        Ok(await histories.Make<AddDraftCommentHandler>().HandleAsync(contact, new NewDraftComment(second,
            "The recommendation on risk after separation is clearer now; please name the police's training lead.", "Recommendation 2"), ct), "comment on draft 2");
        Ok(await themes.AddUpdateAsync(officer, review, "Panel met; the second draft is out for comment.", Today.AddDays(-6), ct), "add a case update");
        await ConductAsync(review, held, ct);
    }

    private async Task ActionPlanAsync(int review, CancellationToken ct)
    {
        var (officer, _, _, contact) = people;
        var police = organisations["Leicestershire Police"];
        await histories.AtAsync(Today.AddDays(-55), ct);
        Ok(await histories.Make<ReviewThemesHandler>().SetThemesAsync(officer, review, await ThemesAsync(["Coercive control", "Information sharing"], ct), ct),
            "tag themes");
        var recommend = histories.Make<RecordRecommendationHandler>();
        var addAction = histories.Make<AddActionHandler>();
        var training = Ok(await recommend.HandleAsync(officer, review, new RecommendationInput("Police to train response officers in coercive control.",
            RecommendationLevel.SingleAgency, police, null, await ThemesAsync(["Coercive control"], ct)), ct), "record a recommendation");
        var sharing = Ok(await recommend.HandleAsync(officer, review, new RecommendationInput("Agencies to share risk information before MARAC.",
            RecommendationLevel.MultiAgency, police, null, await ThemesAsync(["Information sharing"], ct)), ct), "record a recommendation");
        var train = Ok(await addAction.HandleAsync(officer, review, new ActionInput(training, "Train every response officer in coercive control.", police,
            contact.UserId, Today.AddDays(60), "Every response officer trained; the register shows it.", Today.AddDays(-55)), ct), "add an action");
        var share = Ok(await addAction.HandleAsync(officer, review, new ActionInput(sharing, "Send MARAC a risk summary within two working days.", police,
            contact.UserId, Today.AddDays(120), "Audit of ten referrals shows summaries sent in time.", Today.AddDays(-55)), ct), "add an action");

        var update = histories.Make<PostActionUpdateHandler>();
        await histories.AtAsync(Today.AddDays(-30), ct);
        Ok(await update.HandleAsync(contact, train, new ActionUpdateInput("Course written; first two sessions booked.", ActionStatus.OnTrack, [], AsAt: Today.AddDays(-30)), ct), "post an update");
        await histories.AtAsync(Today.AddDays(-9), ct);
        Ok(await update.HandleAsync(contact, train, new ActionUpdateInput("Half of the response officers trained.", ActionStatus.OnTrack, [], AsAt: Today.AddDays(-9)), ct), "post an update");
        Ok(await update.HandleAsync(contact, share, new ActionUpdateInput("MARAC coordinator on leave: the template waits for sign-off.", ActionStatus.AtRisk, [], AsAt: Today.AddDays(-9)), ct),
            "post an update");
    }

    private async Task AlternativeAsync(int review, CancellationToken ct)
    {
        var (officer, _, author, _) = people;
        var notified = Today.AddDays(-AlternativeDaysAgo);
        await histories.AtAsync(notified.AddDays(40), ct);
        Ok(await histories.Make<SaveLegalChallengeHandler>().HandleAsync(officer, new SaveLegalChallenge(review, null, LegalChallengeKind.Complaint,
            notified.AddDays(38), null, null, null, null, "The family complain that a full review was not held."), ct), "record a legal challenge");
        await histories.AtAsync(Today.AddDays(-5), ct);
        Ok(await histories.Make<SendEoiHandler>().HandleAsync(officer, new SendEoi(review,
            "Alternative review: suicide of a young man in his twenties; abuse by a partner described by his family.", Today.AddDays(9), [author.UserId]), ct),
            "send an expression of interest");
        Ok(await histories.Make<ReviewThemesHandler>().SetThemesAsync(officer, review, await ThemesAsync(["Emotional abuse", "Mental health"], ct), ct), "tag themes");
    }

    private async Task LedElsewhereAsync(CancellationToken ct)
    {
        var knownSince = Today.AddDays(-150);
        await histories.AtAsync(knownSince.AddDays(2), ct);
        Ok(await histories.Make<RecordReviewLedElsewhereHandler>().HandleAsync(people.Officer, new RecordReviewLedElsewhere(
            new ElsewhereDetails("Nottinghamshire", "Nottingham CSP", "NCSP/DHR/14", "Nottingham case 14", organisations["Leicester City CSP"], null,
                "Nottingham CSP review coordinator", "dhr@nottingham.example.org", null, knownSince),
            ElsewhereStage.UnderWay, "Leicester City agencies asked for chronologies."), ct), "record a review led elsewhere");
    }

    /// The LR office's next CRG meeting, with the cases waiting for it on the agenda and its papers shared with the CRG.
    private async Task CrgMeetingAsync(CancellationToken ct)
    {
        var officer = people.Officer;
        var office = officer.OfficeIds.Single();
        await histories.AtAsync(Today.AddDays(-3), ct);
        var meeting = Ok(await histories.Make<CreateCrgMeetingHandler>().HandleAsync(officer, office, Weekday(Today.AddDays(14)), "14:00",
            "Committee Room 2, County Hall, Glenfield", ct), "plan the CRG meeting");
        await histories.AtAsync(Today.AddDays(-2), ct);
        Ok(await histories.Make<ChangeAgendaHandler>().SharePapersAsync(officer, meeting, ct), "share the CRG papers");
    }

    /// Last financial year and this one: contributions (paid, invoiced, agreed, in kind, not drawn down, next year's paid
    /// in advance), costs of the office's reviews and of no review (a learning event), and this year's budget lines.
    private async Task BudgetAsync(int panelReview, int signedOffReview, CancellationToken ct)
    {
        var manager = people.Manager;
        var office = manager.OfficeIds.Single();
        var thisYear = FinancialYear.Of(Today).StartYear;
        var lastYear = thisYear - 1;
        DateOnly In(int year, int month, int day) => new(month >= 4 ? year : year + 1, month, day);
        DateOnly NotAfterToday(DateOnly d) => d <= Today ? d : Today;

        await histories.AtAsync(In(lastYear, 4, 10), ct);
        Ok(await histories.Make<SaveBudgetSettingsHandler>().HandleAsync(manager, office, new BudgetSettingsInput(lastYear, "12,000", "2.5", null), ct), "set up the budget");
        var contribution = histories.Make<SaveContributionHandler>();
        var cost = histories.Make<SaveCostHandler>();
        await histories.AtAsync(In(lastYear, 6, 1), ct);
        foreach (var (partner, amount) in new[] { ("Leicestershire County Council", "30,000"), ("Leicester City Council", "25,000") })
        {
            Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, lastYear, null, partner, amount, In(lastYear, 4, 10), In(lastYear, 5, 2), null), ct),
                "record a contribution");
        }

        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, lastYear, organisations["Leicestershire Police"], null, "10,000",
            In(lastYear, 4, 10), In(lastYear, 6, 1), null), ct), "record a contribution");
        await histories.AtAsync(In(lastYear, 3, 31), ct);
        Ok(await cost.HandleAsync(manager, office, new CostInput(null, CostKind.Recharge, null, null, "28,000", In(lastYear, 3, 31), "Business office recharge", null), ct),
            "record a cost");
        Ok(await cost.HandleAsync(manager, office, new CostInput(null, CostKind.ChairAuthorFee, signedOffReview, null, "6,750", In(lastYear, 3, 31), "First half of the fee", null), ct),
            "record a cost");

        var invoiced = NotAfterToday(In(thisYear, 4, 14));
        await histories.AtAsync(invoiced, ct);
        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, thisYear, null, "Leicestershire County Council", "32,000", invoiced, null, null), ct),
            "record a contribution");
        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, thisYear, organisations["Leicestershire Police"], null, "10,000", null, null, null), ct),
            "record a contribution");
        // The police also give an analyst's time; the city council's share is not called for this year (the reserve covers it).
        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, thisYear, organisations["Leicestershire Police"], null, "3,000", null, null, null,
            InKind: true, Description: "10 days of an analyst's time"), ct), "record a contribution");
        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, thisYear, null, "Leicester City Council", "25,000", null, null, null,
            NotDrawnDown: true), ct), "record a contribution");
        // A week ago, but in this financial year (on its first days, its first day).
        var spent = Today.AddDays(-7) < In(thisYear, 4, 1) ? In(thisYear, 4, 1) : Today.AddDays(-7);
        await histories.AtAsync(spent, ct);
        Ok(await cost.HandleAsync(manager, office, new CostInput(null, CostKind.ChairAuthorFee, panelReview, null, "6,750", spent, "First half of the fee", null), ct),
            "record a cost");
        Ok(await cost.HandleAsync(manager, office, new CostInput(null, CostKind.Expenses, panelReview, null, "180", spent, "Room hire for the panel", null), ct),
            "record a cost");
        Ok(await cost.HandleAsync(manager, office, new CostInput(null, CostKind.Learning, null, null, "450", spent, "Learning event on coercive control", null), ct),
            "record a cost");
        // The county council pays next year's share early.
        Ok(await contribution.HandleAsync(manager, office, new ContributionInput(null, thisYear + 1, null, "Leicestershire County Council", "33,000", spent, spent, null), ct),
            "record a contribution");
        // This year's plan by head, for 2.5 reviews: the page shows it against what was spent.
        Ok(await histories.Make<SaveBudgetLinesHandler>().HandleAsync(manager, office, new BudgetLinesInput(thisYear,
            [
                new(BudgetLineKind.OfficeStaffing, "29,000", null), new(BudgetLineKind.ChairsAndAuthors, "30,000", null), new(BudgetLineKind.Legal, "2,000", null),
                new(BudgetLineKind.Learning, "1,500", null), new(BudgetLineKind.Meetings, "500", null),
            ]), ct), "set the budget lines");
    }

    private async Task<long> DraftAsync(int review, DateOnly commentsDue, CancellationToken ct)
    {
        await using var content = new MemoryStream(DemoDocuments.Docx("Overview report: draft for the panel's comments."));
        return Ok(await histories.Make<UploadDraftHandler>().HandleAsync(people.Author, new UploadDraft(review, commentsDue, content, "overview-report-draft.docx"), ct),
            "share a draft").DraftId;
    }

    private async Task ReturnAsync(long requestId, string note, CancellationToken ct)
    {
        var version = await histories.WithDbAsync(db => db.InformationRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync(ct), ct);
        await using var content = new MemoryStream(DemoDocuments.Docx(note));
        Ok(await histories.Make<ReturnInformationHandler>().HandleAsync(people.Contact, new ReturnInformation(requestId, content, "police-return.docx", note, version), ct),
            "return the information");
    }

    private Task<(int Version, long Option)> MeetingAsync(long meetingId, CancellationToken ct) =>
        histories.WithDbAsync(async db =>
        {
            var meeting = await db.PanelMeetings.Include(m => m.Options).SingleAsync(m => m.Id == meetingId, ct);
            return (meeting.Version, meeting.Options.OrderBy(o => o.StartsAtUtc).First().Id);
        }, ct);

    private Task<int[]> ThemesAsync(string[] names, CancellationToken ct) =>
        histories.WithDbAsync(db => db.Themes.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToArrayAsync(ct), ct);

    /// Meetings fall on working days.
    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static T Ok<T>(Result<T> result, string what) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo could not {what}: {result.Error!.Message}");
}
