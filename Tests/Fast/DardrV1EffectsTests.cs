using Domain.Access;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// What each transition of dardr v1 does to the review, its clocks, tasks and timers (DardrV1.Effects.cs), run
/// through the engine's own step (ProcessDefinition.Fire) on a case held in memory. Dates are written out, not
/// computed with the code under test: notified Thursday 1 October 2026, no bank holiday before Christmas.
public class DardrV1EffectsTests
{
    private static readonly DardrV1 Definition = new();

    private static readonly DateOnly Notified = new(2026, 10, 1);

    private static DateTime NoonOf(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);

    /// A review as registered on Notified, with what the command's steps did to it.
    internal sealed class Case
    {
        public Case(Action<Review>? arrange = null)
        {
            Review = DardrV1Tests.ReviewAt(Stage.NotificationReceived, arrange);
            Changes = CaseChanges.InMemory(Review, DardrV1Tests.ActorWith(Role.ReviewOfficer), NoonOf(Notified), BusinessCalendar.EnglandAndWales(),
                new DeadlineSettings());
            Started = Definition.Begin(Changes, "Registered.");
        }

        public Review Review { get; }

        public CaseChanges Changes { get; }

        public JournalEntry Started { get; }

        public JournalEntry Fire(TriggerArgs args, DateOnly on)
        {
            Changes.MoveTo(NoonOf(on));
            return Definition.Fire(Changes, GuardFacts.None, args);
        }

        public IEnumerable<WorkItemKind> OpenKinds => Changes.Items.Where(i => i.IsOpen).Select(i => i.Kind);

        public WorkItem Open(WorkItemKind kind) => Changes.Items.Single(i => i.IsOpen && i.Kind == kind);

        public WorkItem Closed(WorkItemKind kind) => Changes.Items.Single(i => !i.IsOpen && i.Kind == kind);

        public ReviewClock Clock(ClockKind kind) => Changes.Clocks.Single(c => c.Kind == kind);

        public List<WorkflowTimer> Pending => Changes.Timers.Where(t => t.Status == TimerStatus.Pending).ToList();

        public WorkflowTimer TimerOf(ReviewClock clock) => Changes.Timers.Single(t => t.Clock == clock && t.Status == TimerStatus.Pending);
    }

    /// Decided on Tuesday 20 October 2026, the Home Office notified on the 22nd and acknowledging on the 26th.
    internal static Case AtCommissioning(Action<Review>? arrange = null)
    {
        var c = new Case(arrange);
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 10, 20));
        c.Fire(new RecordHomeOfficeNotifiedArgs(), new DateOnly(2026, 10, 22));
        c.Fire(new RecordHomeOfficeAcknowledgedArgs(), new DateOnly(2026, 10, 26));
        return c;
    }

    internal static Case AtPanelAndReport()
    {
        var c = AtCommissioning();
        c.Fire(new AppointAuthorArgs { AuthorUserId = "author", FeePence = 1_250_000 }, new DateOnly(2026, 11, 2));
        return c;
    }

    internal static Case AtSubmitted()
    {
        var c = AtPanelAndReport();
        c.Fire(new SubmitForSignOffArgs(), new DateOnly(2027, 3, 1));
        c.Fire(new RecordSignedOffArgs(), new DateOnly(2027, 3, 10));
        c.Fire(new SubmitToHomeOfficeArgs(), new DateOnly(2027, 3, 15));
        return c;
    }

    [Fact]
    public void Start_RunsTheDecisionClockFromTheNotification_AndOpensPresentToCrgAgainstIt()
    {
        var c = new Case();

        var decision = c.Clock(ClockKind.Decision);
        Assert.Equal((Notified, new DateOnly(2026, 11, 1), ClockStatus.Running), (decision.StartDate, decision.DueDate, decision.Status));
        var task = Assert.Single(c.Changes.Items);
        Assert.Equal((WorkItemKind.PresentToCrg, (DateOnly?)decision.DueDate, Stage.NotificationReceived), (task.Kind, task.DueDate, task.Stage));
        Assert.Same(decision, task.Clock);
        Assert.Equal((Role?)Role.ReviewOfficer, task.CandidateRole);
        var timer = Assert.Single(c.Pending);
        Assert.Equal((TimerKind.ClockDue, London.StartOfDayUtc(new DateOnly(2026, 11, 2))), (timer.Kind, timer.DueAtUtc));
        Assert.Equal((JournalKind.Started, null, Stage.NotificationReceived, "Registered."),
            (c.Started.Kind, c.Started.FromStage, c.Started.ToStage, c.Started.Comment));
        Assert.Equal(0, c.Review.Version);
    }

    [Fact]
    public void PresentToCrg_RecordsTheFirstDate_ClosesPresentingAndOpensTheDecisionTaskOnTheSameClock()
    {
        var c = new Case();

        var entry = c.Fire(new PresentToCrgArgs { Date = new DateOnly(2026, 10, 5) }, new DateOnly(2026, 10, 7));

        Assert.Equal(new DateOnly(2026, 10, 5), c.Review.CrgFirstPresentedOn);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.PresentToCrg).Status);
        var decide = c.Open(WorkItemKind.RecordCrgDecision);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 1), decide.DueDate);
        Assert.Same(c.Clock(ClockKind.Decision), decide.Clock);
        Assert.Equal(Stage.AwaitingCrgDecision, decide.Stage);
        Assert.Equal((JournalKind.Transition, (Stage?)Stage.NotificationReceived, Stage.AwaitingCrgDecision, (Trigger?)Trigger.PresentToCrg),
            (entry.Kind, entry.FromStage, entry.ToStage, entry.Trigger));
        Assert.Equal(1, c.Review.Version);
        Assert.Single(c.Pending); // the decision clock's timer only: a task on a clock has none of its own
    }

    [Fact]
    public void PresentToCrg_WithoutADate_IsTheDayOfTheCommand_AndNeverMovesAnEarlierFirstPresentation()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 7));
        Assert.Equal(new DateOnly(2026, 10, 7), c.Review.CrgFirstPresentedOn);

        var earlier = new Case(r => r.CrgFirstPresentedOn = new DateOnly(2026, 10, 2));
        earlier.Fire(new PresentToCrgArgs { Date = new DateOnly(2026, 10, 9) }, new DateOnly(2026, 10, 9));
        Assert.Equal(new DateOnly(2026, 10, 2), earlier.Review.CrgFirstPresentedOn);
    }

    [Fact]
    public void MoreInformationNeeded_KeepsTheCaseAndItsTaskWhereTheyAre()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        var task = c.Open(WorkItemKind.RecordCrgDecision);

        var entry = c.Fire(new RecordMoreInformationNeededArgs { Comment = "Police chronology." }, new DateOnly(2026, 10, 12));

        Assert.Equal(Stage.AwaitingCrgDecision, c.Review.Stage);
        Assert.Same(task, c.Open(WorkItemKind.RecordCrgDecision));
        Assert.Equal([WorkItemKind.RecordCrgDecision], c.OpenKinds);
        Assert.Null(c.Review.CrgOutcome);
        Assert.Equal(ClockStatus.Running, c.Clock(ClockKind.Decision).Status);
        Assert.Equal(("Police chronology.", (Stage?)Stage.AwaitingCrgDecision), (entry.Comment, entry.FromStage));
        Assert.NotNull(entry.Detail);
    }

    [Fact]
    public void CriteriaMet_CompletesTheDecisionClock_StartsNotificationAppointmentAndCompletionFromTheDecision()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        var decisionTimer = c.TimerOf(c.Clock(ClockKind.Decision));

        c.Fire(new RecordCriteriaMetArgs { Date = new DateOnly(2026, 10, 20), Comment = "Met." }, new DateOnly(2026, 10, 21));

        var r = c.Review;
        Assert.Equal((CrgOutcome.CriteriaMet, new DateOnly(2026, 10, 20), false), (r.CrgOutcome!.Value, r.DecidedOn!.Value, r.IsAlternativeReview));
        var decision = c.Clock(ClockKind.Decision);
        Assert.Equal((ClockStatus.Completed, (DateOnly?)new DateOnly(2026, 10, 20)), (decision.Status, decision.CompletedOn));
        Assert.Equal(TimerStatus.Cancelled, decisionTimer.Status);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordCrgDecision).Status);
        var notify = c.Clock(ClockKind.HomeOfficeNotification);
        Assert.Equal((new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 27)), (notify.StartDate, notify.DueDate)); // 5 working days
        Assert.Equal((DateOnly?)notify.DueDate, c.Open(WorkItemKind.NotifyHomeOffice).DueDate);
        Assert.Same(notify, c.Open(WorkItemKind.NotifyHomeOffice).Clock);
        Assert.Equal((new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 20)), (c.Clock(ClockKind.Appointment).StartDate, c.Clock(ClockKind.Appointment).DueDate));
        Assert.Equal((new DateOnly(2026, 10, 20), new DateOnly(2027, 4, 20)), (c.Clock(ClockKind.Completion).StartDate, c.Clock(ClockKind.Completion).DueDate));
        Assert.Equal([WorkItemKind.NotifyHomeOffice], c.OpenKinds);
        Assert.Equal(3, c.Pending.Count);
        Assert.Equal(Stage.DecisionNotified, r.Stage);
    }

    [Fact]
    public void CriteriaMet_AfterTheDecisionWasDue_CompletesTheClockLate()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));

        var entry = c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 11, 3));

        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 3), c.Clock(ClockKind.Decision).CompletedOn);
        Assert.Contains("late", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CriteriaNotMet_StartsOnlyTheNotificationClock()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));

        c.Fire(new RecordCriteriaNotMetArgs { Comment = "No qualifying relationship." }, new DateOnly(2026, 10, 20));

        Assert.Equal((CrgOutcome.CriteriaNotMet, false), (c.Review.CrgOutcome!.Value, c.Review.IsAlternativeReview));
        Assert.Equal([ClockKind.Decision, ClockKind.HomeOfficeNotification], c.Changes.Clocks.Select(k => k.Kind));
        Assert.Equal([WorkItemKind.NotifyHomeOffice], c.OpenKinds);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void CriteriaNotMet_WithAnAlternativeReview_StartsTheReviewClocks(bool chosenByTheCrg, bool registeredAsOne)
    {
        var c = new Case(r => r.IsAlternativeReview = registeredAsOne);
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));

        c.Fire(new RecordCriteriaNotMetArgs { AlternativeReview = chosenByTheCrg, Comment = "Learning." }, new DateOnly(2026, 10, 20));

        Assert.True(c.Review.IsAlternativeReview);
        Assert.Equal(new DateOnly(2026, 11, 20), c.Clock(ClockKind.Appointment).DueDate);
        Assert.Equal(new DateOnly(2027, 4, 20), c.Clock(ClockKind.Completion).DueDate);
    }

    [Fact]
    public void HomeOfficeNotified_CompletesItsClock_AndWaitsForTheResponse()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 10, 20));

        c.Fire(new RecordHomeOfficeNotifiedArgs { Date = new DateOnly(2026, 10, 22) }, new DateOnly(2026, 10, 23));

        Assert.Equal(new DateOnly(2026, 10, 22), c.Review.HomeOfficeNotifiedOn);
        Assert.Equal((DateOnly?)new DateOnly(2026, 10, 22), c.Clock(ClockKind.HomeOfficeNotification).CompletedOn);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.NotifyHomeOffice).Status);
        var response = c.Open(WorkItemKind.RecordHomeOfficeResponse);
        Assert.Null(response.DueDate);
        Assert.Null(response.Clock);
        Assert.DoesNotContain(c.Pending, t => t.WorkItem == response);
        Assert.Equal(Stage.DecisionNotified, c.Review.Stage);
    }

    [Fact]
    public void Acknowledgement_OpensTheAppointmentTaskOnItsClock()
    {
        var c = AtCommissioning();

        Assert.Equal(Stage.Commissioning, c.Review.Stage);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordHomeOfficeResponse).Status);
        var appoint = c.Open(WorkItemKind.AppointAuthor);
        Assert.Same(c.Clock(ClockKind.Appointment), appoint.Clock);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 20), appoint.DueDate);
        Assert.Equal([WorkItemKind.AppointAuthor], c.OpenKinds);
    }

    /// "Under challenge" follows from legal challenges only: a direction leaves it as it is. The CRG's decision keeps its
    /// date (decision timeliness reads it); the direction's date is its journal entry's.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HomeOfficeDirection_StartsTheReviewClocksFromTheDirection_KeepsTheCrgsDecisionDate_AndLeavesUnderChallengeToLegalChallenges(bool challenged)
    {
        var c = new Case(r => r.UnderChallenge = challenged);
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaNotMetArgs { Comment = "Not met." }, new DateOnly(2026, 10, 20));
        c.Fire(new RecordHomeOfficeNotifiedArgs(), new DateOnly(2026, 10, 22));

        var entry = c.Fire(new RecordHomeOfficeDirectionArgs { Date = new DateOnly(2026, 12, 1) }, new DateOnly(2026, 12, 2));

        var r = c.Review;
        Assert.Equal((true, challenged, new DateOnly(2026, 10, 20)), (r.HomeOfficeDirected, r.UnderChallenge, r.DecidedOn!.Value));
        Assert.Equal(new DateOnly(2026, 12, 1), entry.OccurredOn);
        Assert.Equal(Stage.Commissioning, r.Stage);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordHomeOfficeResponse).Status);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)), (c.Clock(ClockKind.Appointment).StartDate, c.Clock(ClockKind.Appointment).DueDate));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 6, 1)), (c.Clock(ClockKind.Completion).StartDate, c.Clock(ClockKind.Completion).DueDate));
        Assert.Equal((DateOnly?)new DateOnly(2027, 1, 1), c.Open(WorkItemKind.AppointAuthor).DueDate);
        Assert.DoesNotContain("under challenge", entry.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public void CloseWithoutReview_CancelsEveryTaskClockAndTimer()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaNotMetArgs { Comment = "Not met." }, new DateOnly(2026, 10, 20));
        c.Fire(new RecordHomeOfficeNotifiedArgs(), new DateOnly(2026, 10, 22));
        c.Changes.OpenItem(WorkItemKind.CommentOnDraft, "Comment on draft 1", new DateOnly(2026, 12, 1), processStep: false);

        c.Fire(new CloseWithoutReviewArgs { Date = new DateOnly(2026, 11, 30) }, new DateOnly(2026, 12, 1));

        Assert.Equal((Stage.Closed, (DateOnly?)new DateOnly(2026, 11, 30)), (c.Review.Stage, c.Review.ClosedOn));
        Assert.Empty(c.OpenKinds);
        Assert.All(c.Changes.Items.Where(i => i.Kind is WorkItemKind.RecordHomeOfficeResponse or WorkItemKind.CommentOnDraft),
            i => Assert.Equal(WorkItemStatus.Cancelled, i.Status));
        Assert.DoesNotContain(c.Changes.Clocks, k => k.IsOpen);
        Assert.Empty(c.Pending);
    }

    [Fact]
    public void ReverseCriteriaNotMet_AfterTheCaseClosed_TheNewDecisionIsTheDecision_ItsClocksRunFromIt_AndTheHomeOfficeIsToldAgain()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaNotMetArgs { Comment = "Not met." }, new DateOnly(2026, 10, 20));
        c.Fire(new RecordHomeOfficeNotifiedArgs(), new DateOnly(2026, 10, 22));
        c.Fire(new CloseWithoutReviewArgs(), new DateOnly(2026, 11, 30));

        // The CRG decided again on Wednesday 3 March 2027 after a judicial review; recorded on the 8th.
        var entry = c.Fire(new ReverseCriteriaNotMetArgs { Date = new DateOnly(2027, 3, 3), Reason = DecisionReversalReason.JudicialReview, Comment = "Quashed." },
            new DateOnly(2027, 3, 8));

        var r = c.Review;
        Assert.Equal((Stage.DecisionNotified, CrgOutcome.CriteriaMet, new DateOnly(2027, 3, 3)), (r.Stage, r.CrgOutcome!.Value, r.DecidedOn!.Value));
        Assert.Null(r.HomeOfficeNotifiedOn);
        Assert.Null(r.ClosedOn);
        // The Home Office is told within 5 working days of the new decision: Wednesday 10 March.
        var notify = c.Open(WorkItemKind.NotifyHomeOffice);
        Assert.Equal(("Notify the Home Office of the CRG's new decision", (DateOnly?)new DateOnly(2027, 3, 10)), (notify.Title, notify.DueDate));
        Assert.Equal([WorkItemKind.NotifyHomeOffice], c.OpenKinds);
        Assert.Equal((new DateOnly(2027, 3, 3), new DateOnly(2027, 4, 3)), (c.Clock(ClockKind.Appointment).StartDate, c.Clock(ClockKind.Appointment).DueDate));
        Assert.Equal((new DateOnly(2027, 3, 3), new DateOnly(2027, 9, 3)), (c.Clock(ClockKind.Completion).StartDate, c.Clock(ClockKind.Completion).DueDate));
        Assert.Contains(c.Pending, t => t.Clock == c.Clock(ClockKind.Completion));
        Assert.Equal((new DateOnly(2027, 3, 3), "Quashed.", NoonOf(new DateOnly(2027, 3, 8))), (entry.OccurredOn, entry.Comment, entry.RecordedAtUtc));
        Assert.Contains("The CRG reversed its decision of 20 Oct 2026 that the criteria were not met (judicial review): the criteria are met.", entry.Detail,
            StringComparison.Ordinal);

        // From here the review goes ahead as any other with criteria met.
        c.Fire(new RecordHomeOfficeNotifiedArgs(), new DateOnly(2027, 3, 9));
        c.Fire(new RecordHomeOfficeAcknowledgedArgs(), new DateOnly(2027, 3, 15));
        Assert.Equal((Stage.Commissioning, (DateOnly?)new DateOnly(2027, 4, 3)), (r.Stage, c.Open(WorkItemKind.AppointAuthor).DueDate));
    }

    [Fact]
    public void ReverseCriteriaNotMet_BeforeTheHomeOfficeAnswered_CancelsTheOldDecisionsTasks()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaNotMetArgs { Comment = "Not met." }, new DateOnly(2026, 10, 20));
        var oldNotify = c.Open(WorkItemKind.NotifyHomeOffice);
        var oldClock = c.Clock(ClockKind.HomeOfficeNotification);

        c.Fire(new ReverseCriteriaNotMetArgs { Reason = DecisionReversalReason.NewInformation, Comment = "The police found messages." }, new DateOnly(2026, 10, 21));

        Assert.Equal((WorkItemStatus.Cancelled, "Cancelled: the CRG reversed its decision"), (oldNotify.Status, oldNotify.Outcome));
        Assert.Equal(ClockStatus.Cancelled, oldClock.Status);
        Assert.DoesNotContain(c.Pending, t => t.Clock == oldClock || t.WorkItem == oldNotify);
        Assert.Equal((DateOnly?)new DateOnly(2026, 10, 28), c.Open(WorkItemKind.NotifyHomeOffice).DueDate);
        Assert.Equal(Stage.DecisionNotified, c.Review.Stage);
    }

    [Fact]
    public void AppointAuthor_OnePerson_GivesAccessRecordsTheFeeCompletesTheTargetAndOpensTheReview()
    {
        var c = AtCommissioning();
        c.Changes.OpenItem(WorkItemKind.ReplyToExpressionOfInterest, "Reply", new DateOnly(2026, 11, 10), processStep: false);

        c.Fire(new AppointAuthorArgs { AuthorUserId = "author", FeePence = 1_250_000, ExpressionOfInterestId = 7, Date = new DateOnly(2026, 11, 2) },
            new DateOnly(2026, 11, 3));

        var participant = Assert.Single(c.Review.Participants);
        Assert.Equal(("author", ParticipantKind.ChairAuthor, (DateTime?)null), (participant.UserId, participant.Kind, participant.RevokedAtUtc));
        var appointment = Assert.Single(c.Changes.Appointments);
        Assert.Equal(("author", AppointmentRole.ChairAndAuthor, 1_250_000L, new DateOnly(2026, 11, 2), (long?)7),
            (appointment.UserId, appointment.Role, appointment.FeePence, appointment.AppointedOn, appointment.ExpressionOfInterestId));
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 2), c.Clock(ClockKind.Appointment).CompletedOn);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.AppointAuthor).Status);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.ReplyToExpressionOfInterest).Status);
        var complete = c.Open(WorkItemKind.CompleteReview);
        Assert.Same(c.Clock(ClockKind.Completion), complete.Clock);
        Assert.Equal((DateOnly?)new DateOnly(2027, 4, 20), complete.DueDate);
        Assert.Equal([WorkItemKind.CompleteReview], c.OpenKinds);
        Assert.Equal(Stage.PanelAndReport, c.Review.Stage);
        Assert.Null(c.Review.ChairAuthorAppointedBeforeImportOn);
    }

    [Fact]
    public void AppointAuthor_ASecondAuthor_AppointsAChairAndAnAuthorWithTheirOwnFees()
    {
        var c = AtCommissioning();

        var entry = c.Fire(new AppointAuthorArgs { AuthorUserId = "chair", FeePence = 900_000, SecondAuthorUserId = "writer", SecondFeePence = 1_100_000 },
            new DateOnly(2026, 11, 2));

        Assert.Equal(["chair", "writer"], c.Review.Participants.Select(p => p.UserId));
        Assert.All(c.Review.Participants, p => Assert.Equal(ParticipantKind.ChairAuthor, p.Kind));
        Assert.Equal([("chair", AppointmentRole.Chair, 900_000L), ("writer", AppointmentRole.Author, 1_100_000L)],
            c.Changes.Appointments.Select(a => (a.UserId, a.Role, a.FeePence)));
        Assert.All(c.Changes.Appointments, a => Assert.Equal(new DateOnly(2026, 11, 2), a.AppointedOn));
        Assert.Contains("Chair and author appointed.", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AppointAuthor_AfterTheFirstLeft_OpensNoSecondCompletionTask()
    {
        var c = AtPanelAndReport();
        var complete = c.Open(WorkItemKind.CompleteReview);
        c.Review.Participants.Clear(); // the appointment ended

        c.Fire(new AppointAuthorArgs { AuthorUserId = "second", FeePence = 1 }, new DateOnly(2026, 12, 1));

        Assert.Same(complete, c.Open(WorkItemKind.CompleteReview));
        Assert.Equal([WorkItemKind.CompleteReview], c.OpenKinds);
        Assert.Equal(Stage.PanelAndReport, c.Review.Stage);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 2), c.Clock(ClockKind.Appointment).CompletedOn);
    }

    [Fact]
    public void AppointAuthor_ImportedWithoutAnAccount_RecordsTheDateOnly()
    {
        var c = AtCommissioning();

        c.Fire(new AppointAuthorArgs { FeePence = 0, Date = new DateOnly(2026, 11, 2) }, new DateOnly(2026, 11, 2));

        Assert.Equal(new DateOnly(2026, 11, 2), c.Review.ChairAuthorAppointedBeforeImportOn);
        Assert.Empty(c.Review.Participants);
        Assert.Empty(c.Changes.Appointments);
        Assert.Equal([WorkItemKind.CompleteReview], c.OpenKinds);
    }

    [Fact]
    public void SignOff_Submission_AndTheirTasks()
    {
        var c = AtPanelAndReport();

        c.Fire(new SubmitForSignOffArgs(), new DateOnly(2027, 3, 1));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.CompleteReview).Status);
        Assert.Same(c.Clock(ClockKind.Completion), c.Open(WorkItemKind.RecordSignOff).Clock);
        Assert.Equal((DateOnly?)new DateOnly(2027, 4, 20), c.Open(WorkItemKind.RecordSignOff).DueDate);

        c.Fire(new RecordSignedOffArgs { Date = new DateOnly(2027, 3, 10) }, new DateOnly(2027, 3, 11));
        Assert.Equal((Stage.CrgSignOff, (DateOnly?)new DateOnly(2027, 3, 10)), (c.Review.Stage, c.Review.SignedOffOn));
        Assert.Equal((ClockStatus.Completed, (DateOnly?)new DateOnly(2027, 3, 10)), (c.Clock(ClockKind.Completion).Status, c.Clock(ClockKind.Completion).CompletedOn));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordSignOff).Status);
        Assert.Equal([WorkItemKind.SubmitToHomeOffice], c.OpenKinds);
        Assert.Null(c.Open(WorkItemKind.SubmitToHomeOffice).DueDate);

        c.Review.QaOutcome = QaOutcome.Resubmit; // an earlier submission's outcome
        c.Fire(new SubmitToHomeOfficeArgs { Date = new DateOnly(2027, 3, 15) }, new DateOnly(2027, 3, 16));
        Assert.Equal((Stage.Submitted, (DateOnly?)new DateOnly(2027, 3, 15), (QaOutcome?)null), (c.Review.Stage, c.Review.SubmittedOn, c.Review.QaOutcome));
        var chase = c.Clock(ClockKind.QaChase);
        Assert.Equal((new DateOnly(2027, 3, 15), new DateOnly(2027, 5, 10)), (chase.StartDate, chase.DueDate)); // 8 weeks
        var record = c.Open(WorkItemKind.RecordQaOutcome);
        Assert.Equal((null, (DateOnly?)chase.DueDate), (record.DueDate, record.FollowUpDate));
        Assert.Same(chase, record.Clock);
        Assert.Equal([WorkItemKind.RecordQaOutcome], c.OpenKinds);
    }

    [Fact]
    public void AmendmentsRequired_SendsTheReportBackAgainstTheCompletionClock()
    {
        var c = AtPanelAndReport();
        c.Fire(new SubmitForSignOffArgs(), new DateOnly(2027, 3, 1));

        c.Fire(new RecordAmendmentsRequiredArgs { Comment = "Add the family's account." }, new DateOnly(2027, 3, 10));

        Assert.Equal(Stage.PanelAndReport, c.Review.Stage);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordSignOff).Status);
        var again = c.Open(WorkItemKind.CompleteReview);
        Assert.Same(c.Clock(ClockKind.Completion), again.Clock);
        Assert.Equal((DateOnly?)new DateOnly(2027, 4, 20), again.DueDate);
        Assert.Equal(ClockStatus.Running, c.Clock(ClockKind.Completion).Status);
    }

    [Theory]
    [InlineData(typeof(RecordQaApprovedArgs), QaOutcome.Approved, WorkItemKind.Publish, Stage.Publication)]
    [InlineData(typeof(RecordQaApprovedSubjectToAmendmentsArgs), QaOutcome.ApprovedSubjectToAmendments, WorkItemKind.MakeQaAmendments, Stage.QaAmendments)]
    [InlineData(typeof(RecordQaResubmitArgs), QaOutcome.Resubmit, WorkItemKind.CompleteReview, Stage.PanelAndReport)]
    public void QaOutcome_CompletesTheChase_AndOpensWhatComesNext(Type argsType, QaOutcome outcome, WorkItemKind next, Stage stage)
    {
        var c = AtSubmitted();
        c.Changes.OpenItem(WorkItemKind.ChaseQaOutcome, "Chase", processStep: false);

        c.Fire((TriggerArgs)Activator.CreateInstance(argsType)! with { Date = new DateOnly(2027, 5, 20), Comment = "Points." }, new DateOnly(2027, 5, 21));

        Assert.Equal((outcome, stage), (c.Review.QaOutcome!.Value, c.Review.Stage));
        Assert.Equal((ClockStatus.Completed, (DateOnly?)new DateOnly(2027, 5, 20)), (c.Clock(ClockKind.QaChase).Status, c.Clock(ClockKind.QaChase).CompletedOn));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.RecordQaOutcome).Status);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.ChaseQaOutcome).Status);
        Assert.Equal([next], c.OpenKinds);
        Assert.Null(c.Open(next).Clock);
        // A resubmission goes through sign-off again.
        Assert.Equal(outcome == QaOutcome.Resubmit ? null : (DateOnly?)new DateOnly(2027, 3, 10), c.Review.SignedOffOn);
    }

    [Fact]
    public void AmendmentsMade_Publication_AndClosing()
    {
        var c = AtSubmitted();
        c.Fire(new RecordQaApprovedSubjectToAmendmentsArgs { Comment = "Points." }, new DateOnly(2027, 5, 20));

        c.Fire(new RecordAmendmentsMadeArgs(), new DateOnly(2027, 6, 1));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.MakeQaAmendments).Status);
        Assert.Equal([WorkItemKind.Publish], c.OpenKinds);
        Assert.Equal(Stage.Publication, c.Review.Stage);

        c.Fire(new RecordPublishedArgs { Date = new DateOnly(2027, 7, 1), PublicationLink = "  https://csp.example.org/dhr  " }, new DateOnly(2027, 7, 2));
        var link = Assert.Single(c.Review.PublicationLinks);
        Assert.Equal((Stage.ActionPlanMonitoring, (DateOnly?)new DateOnly(2027, 7, 1), "https://csp.example.org/dhr", PublicationLink.FirstLabel),
            (c.Review.Stage, c.Review.PublishedOn, link.Url, link.Label));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.Publish).Status);
        Assert.Equal([WorkItemKind.MonitorActionPlan], c.OpenKinds);

        c.Changes.OpenItem(WorkItemKind.DeliverAction, "Deliver action 3", new DateOnly(2027, 9, 1), processStep: false);
        c.Fire(new CloseReviewArgs(), new DateOnly(2027, 8, 1));
        Assert.Equal((Stage.Closed, (DateOnly?)new DateOnly(2027, 8, 1)), (c.Review.Stage, c.Review.ClosedOn));
        Assert.Empty(c.OpenKinds);
        Assert.Equal(WorkItemStatus.Cancelled, c.Changes.Items.Single(i => i.Kind == WorkItemKind.MonitorActionPlan).Status);
        Assert.Empty(c.Pending);
        Assert.DoesNotContain(c.Changes.Clocks, k => k.IsOpen);
    }

    [Fact]
    public void PutOnHold_PausesTheReviewClocksAndTheirTimers_NotTheNotificationClock_AndOpensAReviewOfTheHold()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 10, 20));
        var notifyTimer = c.TimerOf(c.Clock(ClockKind.HomeOfficeNotification));
        var completionTimer = c.TimerOf(c.Clock(ClockKind.Completion));

        // Recorded on 23 October; the police asked on the 21st.
        var entry = c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 1, 15), Date = new DateOnly(2026, 10, 21) },
            new DateOnly(2026, 10, 23));

        var r = c.Review;
        Assert.Equal((Stage.OnHold, (Stage?)Stage.DecisionNotified, (HoldReason?)HoldReason.CriminalTrial), (r.Stage, r.HeldFromStage, r.HoldReason));
        Assert.Equal(((DateOnly?)new DateOnly(2026, 10, 21), (DateOnly?)new DateOnly(2027, 1, 15)), (r.HeldSince, r.HoldExpectedReviewDate));
        Assert.Equal([ClockStatus.Paused, ClockStatus.Paused], new[] { c.Clock(ClockKind.Appointment).Status, c.Clock(ClockKind.Completion).Status });
        Assert.Equal((DateOnly?)new DateOnly(2026, 10, 21), c.Clock(ClockKind.Completion).PausedSince);
        Assert.Equal((new DateOnly(2026, 10, 21), NoonOf(new DateOnly(2026, 10, 23))), (entry.OccurredOn, entry.RecordedAtUtc));
        Assert.Equal(ClockStatus.Running, c.Clock(ClockKind.HomeOfficeNotification).Status);
        Assert.Equal((TimerStatus.Cancelled, TimerStatus.Pending), (completionTimer.Status, notifyTimer.Status));
        var review = c.Open(WorkItemKind.ReviewHold);
        Assert.Equal(((DateOnly?)new DateOnly(2027, 1, 15), (Stage?)Stage.OnHold), (review.DueDate, review.Stage));
        Assert.Single(c.Pending, t => t.WorkItem == review && t.Kind == TimerKind.WorkItemDue);
        Assert.Contains(WorkItemKind.NotifyHomeOffice, c.OpenKinds); // work that does not depend on the hold keeps going
    }

    [Fact]
    public void StopReview_WhileOnHold_ClosesOnTheDayTheHomeOfficeAgreed_EndingEveryTaskClockAndTimer_AndTheHold()
    {
        var c = AtPanelAndReport();
        c.Changes.OpenItem(WorkItemKind.InformationRequest, "Return the IMR information (Police)", new DateOnly(2026, 12, 14), processStep: false);
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 1, 15) }, new DateOnly(2026, 11, 10));
        Assert.NotEmpty(c.Pending);

        // The Home Office agreed on 1 December; recorded on the 3rd.
        var entry = c.Fire(new StopReviewArgs { Date = new DateOnly(2026, 12, 1), Comment = "The family asked; the Home Office agreed." }, new DateOnly(2026, 12, 3));

        var r = c.Review;
        Assert.Equal((Stage.Closed, (DateOnly?)new DateOnly(2026, 12, 1)), (r.Stage, r.ClosedOn));
        Assert.Equal(((Stage?)null, (HoldReason?)null, (DateOnly?)null, (DateOnly?)null), (r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate));
        Assert.Empty(c.OpenKinds);
        Assert.All(c.Changes.Items.Where(i => i.Kind is WorkItemKind.InformationRequest or WorkItemKind.ReviewHold or WorkItemKind.CompleteReview),
            i => Assert.Equal(WorkItemStatus.Cancelled, i.Status));
        Assert.DoesNotContain(c.Changes.Clocks, k => k.IsOpen);
        Assert.Empty(c.Pending);
        Assert.Equal((new DateOnly(2026, 12, 1), "The family asked; the Home Office agreed.", Stage.OnHold), (entry.OccurredOn, entry.Comment, entry.FromStage!.Value));
        Assert.Contains("Stopped with the Home Office's agreement of 1 Dec 2026, while on hold.", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewHold_KeepsOrChangesTheReason_AndReplacesTheReviewTask()
    {
        var c = AtCommissioning();
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2027, 1, 15) }, new DateOnly(2026, 11, 2));
        var first = c.Open(WorkItemKind.ReviewHold);
        var firstTimer = c.Pending.Single(t => t.WorkItem == first);

        c.Fire(new ReviewHoldArgs { ExpectedReviewDate = new DateOnly(2027, 3, 1) }, new DateOnly(2027, 1, 15));

        Assert.Equal(((HoldReason?)HoldReason.Inquest, (DateOnly?)new DateOnly(2027, 3, 1)), (c.Review.HoldReason, c.Review.HoldExpectedReviewDate));
        Assert.Equal((WorkItemStatus.Completed, TimerStatus.Cancelled), (first.Status, firstTimer.Status));
        var second = c.Open(WorkItemKind.ReviewHold);
        Assert.Equal((DateOnly?)new DateOnly(2027, 3, 1), second.DueDate);
        Assert.Single(c.Pending, t => t.WorkItem == second);
        Assert.Equal(Stage.OnHold, c.Review.Stage);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 2), c.Review.HeldSince);

        c.Fire(new ReviewHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 6, 1) }, new DateOnly(2027, 3, 1));
        Assert.Equal((HoldReason?)HoldReason.CriminalTrial, c.Review.HoldReason);
    }

    [Fact]
    public void Resume_AddsTheDaysHeldToThePausedClocksAndTheirTasks_AndReturnsToTheStageHeldFrom()
    {
        var c = AtCommissioning();
        var appoint = c.Open(WorkItemKind.AppointAuthor);
        var version = appoint.Version;
        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2027, 1, 15) }, new DateOnly(2026, 11, 2));

        var entry = c.Fire(new ResumeArgs(), new DateOnly(2026, 11, 12));

        var r = c.Review;
        Assert.Equal((Stage.Commissioning, (Stage?)null, (HoldReason?)null, (DateOnly?)null, (DateOnly?)null),
            (r.Stage, r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate));
        var appointment = c.Clock(ClockKind.Appointment);
        Assert.Equal((ClockStatus.Running, new DateOnly(2026, 11, 30), 10), (appointment.Status, appointment.DueDate, appointment.PausedDays));
        Assert.Equal(new DateOnly(2027, 4, 30), c.Clock(ClockKind.Completion).DueDate);
        Assert.Equal(London.StartOfDayUtc(new DateOnly(2026, 12, 1)), c.TimerOf(appointment).DueAtUtc);
        Assert.Equal(((DateOnly?)new DateOnly(2026, 11, 30), version + 1), (appoint.DueDate, appoint.Version));
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.ReviewHold).Status);
        Assert.Contains("Resumed on 12 Nov 2026 after 10 days on hold.", entry.Detail, StringComparison.Ordinal);
        Assert.Equal((Stage?)Stage.OnHold, entry.FromStage);
    }

    [Fact]
    public void HoldFromAPastDate_ResumedOnAPastDate_AddsTheDaysActuallyHeldAcrossTheMonthEnd_AndJournalsBothDates()
    {
        var c = AtCommissioning(); // decided 20 October: appointment due 20 November, completion 20 April 2027
        var appoint = c.Open(WorkItemKind.AppointAuthor);
        // The coroner asked on 27 October; the officer recorded it on 2 November.
        var held = c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.CoronersRequest, ExpectedReviewDate = new DateOnly(2027, 1, 15), Date = new DateOnly(2026, 10, 27) },
            new DateOnly(2026, 11, 2));
        // The hold ended on 4 November; recorded on 30 November, after the moved due date.
        var resumed = c.Fire(new ResumeArgs { Date = new DateOnly(2026, 11, 4) }, new DateOnly(2026, 11, 30));

        var appointment = c.Clock(ClockKind.Appointment);
        Assert.Equal((8, new DateOnly(2026, 11, 28), ClockStatus.Running), (appointment.PausedDays, appointment.DueDate, appointment.Status));
        Assert.Equal(new DateOnly(2027, 4, 28), c.Clock(ClockKind.Completion).DueDate);
        Assert.Equal((DateOnly?)new DateOnly(2026, 11, 28), appoint.DueDate);
        // Already past: its timer falls due at once and the next sweep marks it overdue.
        Assert.Equal(London.StartOfDayUtc(new DateOnly(2026, 11, 29)), c.TimerOf(appointment).DueAtUtc);
        Assert.Equal((new DateOnly(2026, 10, 27), NoonOf(new DateOnly(2026, 11, 2))), (held.OccurredOn, held.RecordedAtUtc));
        Assert.Equal((new DateOnly(2026, 11, 4), NoonOf(new DateOnly(2026, 11, 30))), (resumed.OccurredOn, resumed.RecordedAtUtc));
        Assert.Contains("Resumed on 4 Nov 2026 after 8 days on hold.", resumed.Detail, StringComparison.Ordinal);
        Assert.Equal(new PreviousStep(new DateOnly(2026, 11, 4), Trigger.Resume), c.Changes.LastStep);
    }

    [Fact]
    public void HoldOverChristmas_CountsTheBankHolidaysAsDaysHeld_ForCalendarClocks_NotTheWorkingDayNotification()
    {
        var c = new Case();
        c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 12, 1));
        c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 12, 18)); // Home Office told by 29 December (working days)
        var notify = c.Clock(ClockKind.HomeOfficeNotification);
        Assert.Equal(new DateOnly(2026, 12, 29), notify.DueDate);

        c.Fire(new PutOnHoldArgs { HoldReason = HoldReason.FamilyRequest, ExpectedReviewDate = new DateOnly(2027, 2, 1), Date = new DateOnly(2026, 12, 24) },
            new DateOnly(2026, 12, 24));
        c.Fire(new ResumeArgs { Date = new DateOnly(2027, 1, 4) }, new DateOnly(2027, 1, 6));

        // 24 December to 4 January: 11 calendar days, Christmas Day, the Boxing Day holiday (Monday 28th) and New Year's Day among them.
        Assert.Equal((11, new DateOnly(2027, 1, 29)), (c.Clock(ClockKind.Appointment).PausedDays, c.Clock(ClockKind.Appointment).DueDate));
        Assert.Equal(new DateOnly(2027, 6, 29), c.Clock(ClockKind.Completion).DueDate);
        Assert.Equal((new DateOnly(2026, 12, 29), 0), (notify.DueDate, notify.PausedDays));
    }

    [Fact]
    public void Start_HappenedOnTheNotification_AndEachStepOnItsDate_TodayWhenNoneIsGiven()
    {
        var c = new Case();
        var presented = c.Fire(new PresentToCrgArgs { Date = new DateOnly(2026, 10, 5) }, new DateOnly(2026, 10, 9));
        var decided = c.Fire(new RecordCriteriaMetArgs { Comment = "Met." }, new DateOnly(2026, 10, 20));

        Assert.Equal((Notified, NoonOf(Notified)), (c.Started.OccurredOn, c.Started.RecordedAtUtc));
        Assert.Equal((new DateOnly(2026, 10, 5), NoonOf(new DateOnly(2026, 10, 9))), (presented.OccurredOn, presented.RecordedAtUtc));
        Assert.Equal(new DateOnly(2026, 10, 20), decided.OccurredOn);
        Assert.Equal((DateOnly?)new DateOnly(2026, 10, 20), c.Review.DecidedOn);
    }

    [Fact]
    public void AmendmentsAfterSignOff_OpenATask_AndWhenMadeCloseIt_EachOnItsOwnDate_TheSignOffStands()
    {
        var c = AtPanelAndReport();
        c.Fire(new SubmitForSignOffArgs(), new DateOnly(2027, 3, 1));
        c.Fire(new RecordSignedOffArgs(), new DateOnly(2027, 3, 10));

        // The family asked for a change on 12 March, recorded on the 15th; made on the 19th, recorded on the 22nd.
        var asked = c.Fire(new RecordAmendmentsAfterSignOffArgs { Date = new DateOnly(2027, 3, 12), Comment = "The family asked to correct a date." },
            new DateOnly(2027, 3, 15));
        Assert.Equal(((DateOnly?)new DateOnly(2027, 3, 12), Stage.CrgSignOff), (c.Review.SignOffAmendmentsAskedOn, c.Review.Stage));
        Assert.Equal([WorkItemKind.SubmitToHomeOffice, WorkItemKind.MakeSignOffAmendments], c.OpenKinds);
        Assert.Equal((new DateOnly(2027, 3, 12), "The family asked to correct a date."), (asked.OccurredOn, asked.Comment));
        Assert.Contains("Submission to the Home Office waits until they are made.", asked.Detail, StringComparison.Ordinal);

        var made = c.Fire(new RecordSignOffAmendmentsMadeArgs { Date = new DateOnly(2027, 3, 19) }, new DateOnly(2027, 3, 22));
        Assert.Null(c.Review.SignOffAmendmentsAskedOn);
        Assert.Equal(WorkItemStatus.Completed, c.Closed(WorkItemKind.MakeSignOffAmendments).Status);
        Assert.Equal([WorkItemKind.SubmitToHomeOffice], c.OpenKinds);
        Assert.Equal(new DateOnly(2027, 3, 19), made.OccurredOn);
        Assert.Contains("The amendments asked for on 12 Mar 2027 are made: the report can be submitted.", made.Detail, StringComparison.Ordinal);
        // Sign-off stands: the completion clock stopped on it and the board counts it.
        Assert.Equal((DateOnly?)new DateOnly(2027, 3, 10), c.Review.SignedOffOn);
        Assert.Equal((DateOnly?)new DateOnly(2027, 3, 10), c.Clock(ClockKind.Completion).CompletedOn);
    }

    [Fact]
    public void EveryStep_JournalsItsOwnNotes_AndOnlyThose()
    {
        var c = new Case();
        var presented = c.Fire(new PresentToCrgArgs(), new DateOnly(2026, 10, 5));
        var decided = c.Fire(new RecordCriteriaMetArgs { Comment = "  Met.  " }, new DateOnly(2026, 10, 20));

        Assert.Equal([c.Started, presented, decided], c.Changes.JournalEntries);
        Assert.DoesNotContain("Home Office notification due", presented.Detail, StringComparison.Ordinal);
        Assert.Contains("Home Office notification due", decided.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Task opened: Record the CRG's decision", decided.Detail, StringComparison.Ordinal);
        Assert.Equal(("Met.", NoonOf(new DateOnly(2026, 10, 20)), "user"), (decided.Comment, decided.RecordedAtUtc, decided.UserId));
        Assert.Equal(("dardr", 1), (decided.DefinitionId, decided.DefinitionVersion));
        Assert.Null(presented.Comment);
        Assert.Equal(2, c.Review.Version);
    }
}
