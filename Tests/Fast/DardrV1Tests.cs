using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Stateless;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// The process table of DOMAIN.md, written out independently of DardrV1, and checked trigger by trigger,
/// stage by stage and role by role.
public class DardrV1Tests
{
    private static readonly DardrV1 Definition = new();

    private static readonly DateOnly Day = new(2026, 11, 2);

    /// Facts: what the guards read besides the review (GuardFacts.None unless given).
    private sealed record Row(Stage From, Trigger Trigger, Stage To, Action<Review>? Arrange = null, GuardFacts? Facts = null);

    private static readonly GuardFacts ClosedFromCommissioning =
        new(0, new ClosingStep(Trigger.StopReview, Stage.Commissioning, Day, new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), null));

    private static readonly Row[] Table =
    [
        new(Stage.NotificationReceived, Trigger.PresentToCrg, Stage.AwaitingCrgDecision),
        new(Stage.AwaitingCrgDecision, Trigger.RecordCriteriaMet, Stage.DecisionNotified),
        new(Stage.AwaitingCrgDecision, Trigger.RecordCriteriaNotMet, Stage.DecisionNotified),
        new(Stage.AwaitingCrgDecision, Trigger.RecordMoreInformationNeeded, Stage.AwaitingCrgDecision),
        new(Stage.DecisionNotified, Trigger.RecordHomeOfficeNotified, Stage.DecisionNotified, r => r.CrgOutcome = CrgOutcome.CriteriaMet),
        new(Stage.DecisionNotified, Trigger.RecordHomeOfficeAcknowledged, Stage.Commissioning, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaMet, Day)),
        new(Stage.DecisionNotified, Trigger.RecordHomeOfficeDirection, Stage.Commissioning, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaNotMet, Day)),
        new(Stage.DecisionNotified, Trigger.CloseWithoutReview, Stage.Closed, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaNotMet, Day)),
        new(Stage.DecisionNotified, Trigger.ReverseCriteriaNotMet, Stage.DecisionNotified, r => r.CrgOutcome = CrgOutcome.CriteriaNotMet),
        new(Stage.Closed, Trigger.ReverseCriteriaNotMet, Stage.DecisionNotified, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaNotMet, Day)),
        new(Stage.Commissioning, Trigger.AppointAuthor, Stage.PanelAndReport),
        new(Stage.PanelAndReport, Trigger.AppointAuthor, Stage.PanelAndReport),
        new(Stage.PanelAndReport, Trigger.SubmitForSignOff, Stage.CrgSignOff, WithAuthor),
        new(Stage.CrgSignOff, Trigger.RecordSignedOff, Stage.CrgSignOff),
        new(Stage.CrgSignOff, Trigger.RecordAmendmentsRequired, Stage.PanelAndReport),
        new(Stage.CrgSignOff, Trigger.SubmitToHomeOffice, Stage.Submitted, r => r.SignedOffOn = Day),
        new(Stage.CrgSignOff, Trigger.RecordAmendmentsAfterSignOff, Stage.CrgSignOff, r => r.SignedOffOn = Day),
        new(Stage.CrgSignOff, Trigger.RecordSignOffAmendmentsMade, Stage.CrgSignOff, r => (r.SignedOffOn, r.SignOffAmendmentsAskedOn) = (Day, Day)),
        new(Stage.Submitted, Trigger.RecordQaApproved, Stage.Publication),
        new(Stage.Submitted, Trigger.RecordQaApprovedSubjectToAmendments, Stage.QaAmendments),
        new(Stage.Submitted, Trigger.RecordQaResubmit, Stage.PanelAndReport),
        new(Stage.QaAmendments, Trigger.RecordAmendmentsMade, Stage.Publication),
        new(Stage.Publication, Trigger.RecordPublished, Stage.ActionPlanMonitoring),
        new(Stage.ActionPlanMonitoring, Trigger.CloseReview, Stage.Closed),
        .. DardrV1.OpenStages.Select(s => new Row(s, Trigger.PutOnHold, Stage.OnHold)),
        .. DardrV1.OpenStages.Append(Stage.OnHold).Select(s => new Row(s, Trigger.StopReview, Stage.Closed)),
        new(Stage.OnHold, Trigger.ReviewHold, Stage.OnHold, r => r.HeldFromStage = Stage.Submitted),
        new(Stage.OnHold, Trigger.Resume, Stage.Submitted, r => r.HeldFromStage = Stage.Submitted),
        new(Stage.Closed, Trigger.ReopenReview, Stage.Commissioning, Facts: ClosedFromCommissioning),
    ];

    /// DOMAIN.md, "Who moves a review on": the officer records; holds and stopping are the officer's or the manager's;
    /// reopening is the manager's.
    private static HashSet<Role> Expected(Trigger trigger) => trigger switch
    {
        Trigger.PutOnHold or Trigger.ReviewHold or Trigger.Resume or Trigger.StopReview => [Role.ReviewOfficer, Role.Manager],
        Trigger.ReopenReview => [Role.Manager],
        _ => [Role.ReviewOfficer],
    };

    public static TheoryData<Stage, Trigger> EveryStageAndTrigger()
    {
        var data = new TheoryData<Stage, Trigger>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var trigger in Enum.GetValues<Trigger>())
            {
                data.Add(stage, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndTrigger))]
    public void Evaluate_EveryStageTriggerAndRole_MatchesTheTable(Stage stage, Trigger trigger)
    {
        var row = Table.SingleOrDefault(r => r.From == stage && r.Trigger == trigger);
        foreach (var role in Enum.GetValues<Role>())
        {
            var review = ReviewAt(stage, row?.Arrange);
            var facts = row?.Facts ?? GuardFacts.None;
            var option = Definition.Evaluate(review, facts, ActorWith(role), canChange: true, trigger);

            var expected = row is not null && Expected(trigger).Contains(role);
            Assert.True(expected == option.IsAvailable, $"{stage} / {trigger} / {role}: expected {expected}. {string.Join(" ", option.Reasons)}");
            if (expected)
            {
                Definition.Build(review, facts).Fire(trigger);
                Assert.Equal(row!.To, review.Stage);
            }
            else
            {
                Assert.NotEmpty(option.Reasons);
            }
        }

        // Staff of another office (CaseScope: no change rights) can never move it on.
        Assert.False(Definition.Evaluate(ReviewAt(stage, row?.Arrange), row?.Facts ?? GuardFacts.None, ActorWith(Role.ReviewOfficer, Role.Manager), canChange: false, trigger).IsAvailable);
    }

    [Fact]
    public void TriggersIn_EachStage_AreExactlyTheTablesRows()
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.Equal(Table.Where(r => r.From == stage).Select(r => r.Trigger).Order(), Definition.TriggersIn(stage).Order());
        }
    }

    [Fact]
    public void Acknowledgement_BeforeTheHomeOfficeIsNotified_SaysToRecordTheNotificationFirst()
    {
        var review = ReviewAt(Stage.DecisionNotified, r => r.CrgOutcome = CrgOutcome.CriteriaMet);
        var option = Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordHomeOfficeAcknowledged);
        Assert.False(option.IsAvailable);
        Assert.Equal(["Record that the Home Office was notified of the decision first."], option.Reasons);
    }

    [Fact]
    public void CloseWithoutReview_AfterCriteriaMet_IsUnavailableWithAReason()
    {
        var review = ReviewAt(Stage.DecisionNotified, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaMet, Day));
        var option = Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.CloseWithoutReview);
        Assert.Contains(option.Reasons, r => r.Contains("record the Home Office's acknowledgement instead", StringComparison.Ordinal));
    }

    [Fact]
    public void AlternativeReview_AfterCriteriaNotMet_GoesAheadOnTheAcknowledgement()
    {
        var review = ReviewAt(Stage.DecisionNotified, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn, r.IsAlternativeReview) = (CrgOutcome.CriteriaNotMet, Day, true));
        Assert.True(Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordHomeOfficeAcknowledged).IsAvailable);
        Assert.False(Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.CloseWithoutReview).IsAvailable);
    }

    [Fact]
    public void AmendmentsAfterSignOff_BlockSubmission_UntilMade_AndAreAskedForOnlyAfterSignOffAndOnceAtATime()
    {
        ActionOption For(Review review, Trigger trigger) => Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, trigger);
        var asked = ReviewAt(Stage.CrgSignOff, r => (r.SignedOffOn, r.SignOffAmendmentsAskedOn) = (Day, Day));
        var notSignedOff = ReviewAt(Stage.CrgSignOff);

        Assert.Equal(["Amendments asked for after sign-off are not made yet: record that they are made first."], For(asked, Trigger.SubmitToHomeOffice).Reasons);
        Assert.False(For(asked, Trigger.RecordAmendmentsAfterSignOff).IsAvailable);
        Assert.Equal(["The CRG has not signed off the final report yet: record its sign-off first."], For(notSignedOff, Trigger.RecordAmendmentsAfterSignOff).Reasons);
        Assert.Equal(["No amendments were asked for after sign-off."], For(notSignedOff, Trigger.RecordSignOffAmendmentsMade).Reasons);
        // A hold from "CRG sign-off" keeps them outstanding: it returns there.
        Assert.True(For(asked, Trigger.PutOnHold).IsAvailable);
    }

    [Theory]
    [InlineData(Stage.DecisionNotified, true, false)]
    [InlineData(Stage.DecisionNotified, false, true)]
    [InlineData(Stage.Closed, true, false)]
    [InlineData(Stage.Closed, false, true)]
    public void ReverseCriteriaNotMet_NotForAnAlternativeOrDirectedReview_NorForCriteriaMet(Stage stage, bool alternative, bool directed)
    {
        const string Why = "Only a \"criteria not met\" decision with no review held (no alternative review, no Home Office direction) can be reversed.";
        ActionOption For(Action<Review> arrange) =>
            Definition.Evaluate(ReviewAt(stage, arrange), GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.ReverseCriteriaNotMet);

        Assert.Equal([Why], For(r => (r.CrgOutcome, r.IsAlternativeReview, r.HomeOfficeDirected) = (CrgOutcome.CriteriaNotMet, alternative, directed)).Reasons);
        Assert.Equal([Why], For(r => r.CrgOutcome = CrgOutcome.CriteriaMet).Reasons);
        Assert.True(For(r => r.CrgOutcome = CrgOutcome.CriteriaNotMet).IsAvailable);
    }

    [Fact]
    public void SubmitForSignOff_WhenTheAuthorsAppointmentEnded_SaysToAppointOne()
    {
        var review = ReviewAt(Stage.PanelAndReport, r =>
        {
            WithAuthor(r);
            r.Participants[0].RevokedAtUtc = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        });
        var option = Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.SubmitForSignOff);
        Assert.Contains(option.Reasons, r => r.StartsWith("No chair/author is appointed", StringComparison.Ordinal));
        Assert.True(Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.AppointAuthor).IsAvailable);
    }

    [Fact]
    public void Publish_WhileFamilyConsentIsWithdrawn_IsBlocked()
    {
        var review = ReviewAt(Stage.Publication, r => r.FamilyConsentWithdrawn = true);
        var option = Definition.Evaluate(review, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordPublished);
        Assert.Equal(["Publication is blocked: the family has withdrawn consent to the report pseudonym."], option.Reasons);
    }

    [Fact]
    public void SubmitToHomeOffice_BeforeSignOff_IsUnavailable() =>
        Assert.Contains("The CRG has not signed off the final report yet: record its sign-off first.",
            Definition.Evaluate(ReviewAt(Stage.CrgSignOff), GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.SubmitToHomeOffice).Reasons);

    [Fact]
    public void Evaluate_AManagerRecordingTheCrgDecision_IsToldOnlyAnOfficerCan()
    {
        var option = Definition.Evaluate(ReviewAt(Stage.AwaitingCrgDecision), GuardFacts.None, ActorWith(Role.Manager), true, Trigger.RecordCriteriaMet);
        Assert.Equal(["Only a review officer of the review's lead office can do this."], option.Reasons);
    }

    [Fact]
    public void Evaluate_ATriggerOfAnotherStage_SaysItIsNotPossibleAtThisStage()
    {
        var option = Definition.Evaluate(ReviewAt(Stage.NotificationReceived), GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordQaApproved);
        Assert.Equal(["\"Record QA outcome: approved\" is not possible while the review is at \"Notification received\"."], option.Reasons);
    }

    [Theory]
    [MemberData(nameof(OpenStages))]
    public void Hold_FromEveryOpenStage_ResumesToTheStageItLeft(Stage stage)
    {
        var review = ReviewAt(stage);
        var machine = Definition.Build(review, GuardFacts.None);
        machine.Fire(Trigger.PutOnHold);
        review.HeldFromStage = stage; // the effect of PutOnHold (DardrV1.Effects)
        Assert.Equal(Stage.OnHold, review.Stage);
        Assert.Equal([Trigger.ReviewHold, Trigger.StopReview, Trigger.Resume], Definition.Actions(review, GuardFacts.None, ActorWith(Role.Manager), true).Where(a => a.IsAvailable).Select(a => a.Trigger));

        Definition.Build(review, GuardFacts.None).Fire(Trigger.Resume);
        Assert.Equal(stage, review.Stage);
    }

    [Fact]
    public void Guards_ADecisionWithoutItsDate_AsTheImportRecordsIt_ReadTheOutcome_NotTheDate_SoTheReviewGoesOn()
    {
        // Imported: criteria met on a day the tracker did not have (DecidedOn empty), the Home Office told.
        var review = ReviewAt(Stage.DecisionNotified, r => (r.CrgOutcome, r.HomeOfficeNotifiedOn) = (CrgOutcome.CriteriaMet, Day));
        Assert.Null(review.DecidedOn);
        Definition.Build(review, GuardFacts.None).Fire(Trigger.RecordHomeOfficeAcknowledged);
        Definition.Build(review, GuardFacts.None).Fire(Trigger.AppointAuthor);
        WithAuthor(review);
        Definition.Build(review, GuardFacts.None).Fire(Trigger.SubmitForSignOff);
        Assert.Equal(Stage.CrgSignOff, review.Stage);

        // A "criteria not met" without its date would not bar its reversal's date either (the import keeps that date).
        var notMet = ReviewAt(Stage.DecisionNotified, r => r.CrgOutcome = CrgOutcome.CriteriaNotMet);
        Assert.True(Definition.Build(notMet, GuardFacts.None).CanFire(Trigger.ReverseCriteriaNotMet));
    }

    public static TheoryData<Stage> OpenStages() => new(DardrV1.OpenStages);

    [Fact]
    public void Hold_WhenClosed_IsNotPossible() =>
        Assert.False(Definition.Evaluate(ReviewAt(Stage.Closed), GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.PutOnHold).IsAvailable);

    [Fact]
    public void Actions_ListAvailableAndUnavailableWithReasons()
    {
        var actions = Definition.Actions(ReviewAt(Stage.DecisionNotified, r => r.CrgOutcome = CrgOutcome.CriteriaMet), GuardFacts.None, ActorWith(Role.ReviewOfficer), true);
        Assert.Equal(
            [Trigger.RecordHomeOfficeNotified, Trigger.RecordHomeOfficeAcknowledged, Trigger.RecordHomeOfficeDirection, Trigger.CloseWithoutReview, Trigger.PutOnHold,
                Trigger.StopReview],
            actions.Select(a => a.Trigger));
        Assert.Equal([true, false, false, false, true, true], actions.Select(a => a.IsAvailable));
        Assert.All(actions.Where(a => !a.IsAvailable), a => Assert.NotEmpty(a.Reasons));
    }

    [Fact]
    public void Actions_OfferTheReversalOfANotMetDecision_OnlyWhereItCanBeTaken()
    {
        IEnumerable<Trigger> Offered(Stage stage, CrgOutcome outcome, Role role = Role.ReviewOfficer) =>
            Definition.Actions(ReviewAt(stage, r => r.CrgOutcome = outcome), GuardFacts.None, ActorWith(role), true).Select(a => a.Trigger);

        Assert.Contains(Trigger.ReverseCriteriaNotMet, Offered(Stage.DecisionNotified, CrgOutcome.CriteriaNotMet));
        // Reopening is listed on every closed review (a manager's; an officer sees why not).
        Assert.Equal([Trigger.ReverseCriteriaNotMet, Trigger.ReopenReview], Offered(Stage.Closed, CrgOutcome.CriteriaNotMet));
        Assert.Equal([Trigger.ReopenReview], Offered(Stage.Closed, CrgOutcome.CriteriaMet));
        Assert.Equal([Trigger.ReopenReview], Offered(Stage.Closed, CrgOutcome.CriteriaNotMet, Role.Manager));
    }

    [Fact]
    public void Registry_CasesStayOnTheVersionTheyStartedOn()
    {
        var v1 = new DardrV1();
        var v2 = new SkipsPresentingV2();
        var registry = new ProcessRegistry([v1], current: v2);
        var onV1 = ReviewAt(Stage.NotificationReceived);
        var onV2 = ReviewAt(Stage.NotificationReceived, r => r.DefinitionVersion = 2);

        Assert.Same(v2, registry.Current);
        Assert.Same(v1, registry.For(onV1));
        Assert.Same(v2, registry.For(onV2));
        Assert.False(registry.For(onV1).Evaluate(onV1, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordCriteriaMet).IsAvailable);
        Assert.True(registry.For(onV2).Evaluate(onV2, GuardFacts.None, ActorWith(Role.ReviewOfficer), true, Trigger.RecordCriteriaMet).IsAvailable);
        Assert.Throws<InvalidOperationException>(() => registry.Get("dardr", 9));
    }

    [Fact]
    public void ToMermaid_DrawsTheTableAndHighlightsTheCurrentStage()
    {
        var text = Definition.ToMermaid(Stage.Submitted);
        Assert.StartsWith("stateDiagram-v2", text, StringComparison.Ordinal);
        Assert.Contains("NotificationReceived --> AwaitingCrgDecision : Present to the CRG", text, StringComparison.Ordinal);
        Assert.Contains("state \"Awaiting CRG decision\" as AwaitingCrgDecision", text, StringComparison.Ordinal);
        Assert.Contains("AwaitingCrgDecision --> DecisionNotified : Record decision – criteria met", text, StringComparison.Ordinal);
        Assert.EndsWith("class Submitted current" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("class ", Definition.ToMermaid(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_DrawsTheHoldAsOneNote_NotAnEdgeEachWayForEveryOpenStage()
    {
        var text = Definition.ToMermaid(Stage.OnHold);

        Assert.DoesNotContain("--> OnHold : Put on hold", text, StringComparison.Ordinal);
        Assert.DoesNotContain(": Resume", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<<choice>>", text, StringComparison.Ordinal);
        Assert.Contains("OnHold --> OnHold : Review the hold", text, StringComparison.Ordinal);
        Assert.Contains("""
                note right of OnHold
                    Put on hold from any open stage.
                    Resume returns to the stage it was held from.
                end note
            """.ReplaceLineEndings(), text, StringComparison.Ordinal);
        Assert.EndsWith("class OnHold current" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain(": Stop the review", text, StringComparison.Ordinal);
        Assert.Contains("""
                note left of Closed
                    Stop the review (agreed with the Home Office) from any open stage or a hold.
                end note
            """.ReplaceLineEndings(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(": Reopen the review", text, StringComparison.Ordinal);
        Assert.DoesNotContain(": closed from", text, StringComparison.Ordinal);
        Assert.Contains("""
                note right of Closed
                    Reopen the review returns to the stage it was closed from.
                end note
            """.ReplaceLineEndings(), text, StringComparison.Ordinal);
        // Every other transition of the table is still drawn.
        Assert.Contains("ActionPlanMonitoring --> Closed : Close the review", text, StringComparison.Ordinal);
        Assert.Contains("Submitted --> PanelAndReport : Record QA outcome – amend and resubmit", text, StringComparison.Ordinal);
    }

    private static void WithAuthor(Review r) =>
        r.Participants.Add(new ReviewParticipant { UserId = "author", Kind = ParticipantKind.ChairAuthor });

    internal static Review ReviewAt(Stage stage, Action<Review>? arrange = null)
    {
        var review = new Review
        {
            Reference = "LR-2026-001",
            CaseLabel = "Case A 2026",
            CaseLabelKey = "case a 2026",
            SearchText = "case a 2026|lr-2026-001",
            CreatedByUserId = "officer",
            DateNotified = new DateOnly(2026, 10, 1),
            Stage = stage,
        };
        arrange?.Invoke(review);
        return review;
    }

    internal static Actor ActorWith(params Role[] roles) =>
        new("user", "user@example.org", roles.ToHashSet(), new HashSet<int> { 1 }, new HashSet<int>());

    /// A later version that lets the CRG decide without the presenting step: proof that v1 cases are unaffected.
    private sealed class SkipsPresentingV2 : ProcessDefinition
    {
        public override string Id => "dardr";

        public override int Version => 2;

        public override IReadOnlySet<Role> WhoMayFire(Trigger trigger) => new HashSet<Role> { Role.ReviewOfficer };

        public override void Start(CaseChanges c)
        {
        }

        public override void Apply(CaseChanges c, Stage from, TriggerArgs args)
        {
        }

        public override IReadOnlySet<Role> WhoMayCorrectDates => new HashSet<Role> { Role.ReviewOfficer };

        public override void CorrectDate(CaseChanges c, Trigger trigger, DateOnly from, DateOnly to, DateTime recordedAtUtc)
        {
        }

        protected override void Configure(StateMachine<Stage, Trigger> m, Review r, GuardFacts f) =>
            m.Configure(Stage.NotificationReceived).Permit(Trigger.RecordCriteriaMet, Stage.DecisionNotified);
    }
}
