using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Stateless;
using Stateless.Reflection;

namespace Workflows.Process;

/// Process "dardr" version 1 (DOMAIN.md, the review pipeline; who moves a review on). Read it as a table:
/// each stage, the triggers it permits and where they lead. Guards say, in words, why an action is unavailable.
/// A hold is reachable from every open stage and Resume returns to the stage stored in Review.HeldFromStage
/// (a Stateless state has one superstate, so OnHold is a plain state with a dynamic way back). Stopping a review is
/// also reachable from every open stage and from a hold.
/// What each transition causes is in DardrV1.Effects.cs.
public sealed partial class DardrV1 : ProcessDefinition
{
    public override string Id => "dardr";

    public override int Version => 1;

    public static readonly IReadOnlyList<Stage> OpenStages =
    [
        Stage.NotificationReceived, Stage.AwaitingCrgDecision, Stage.DecisionNotified, Stage.Commissioning, Stage.PanelAndReport,
        Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication, Stage.ActionPlanMonitoring,
    ];

    private static readonly IReadOnlySet<Role> Officer = new HashSet<Role> { Role.ReviewOfficer };

    private static readonly IReadOnlySet<Role> OfficerOrManager = new HashSet<Role> { Role.ReviewOfficer, Role.Manager };

    private static readonly IReadOnlySet<Role> Manager = new HashSet<Role> { Role.Manager };

    /// The officer records what a meeting or the Home Office decided; holds and stops are the officer's or manager's;
    /// reopening a closed review is a manager's.
    public override IReadOnlySet<Role> WhoMayFire(Trigger trigger) => trigger switch
    {
        Trigger.PutOnHold or Trigger.ReviewHold or Trigger.Resume or Trigger.StopReview => OfficerOrManager,
        Trigger.ReopenReview => Manager,
        _ => Officer,
    };

    /// The lead office's officers and managers, who record the steps, correct a step recorded with the wrong date.
    public override IReadOnlySet<Role> WhoMayCorrectDates => OfficerOrManager;

    protected override bool OfferedOnlyWhenAvailable(Trigger trigger) => trigger == Trigger.ReverseCriteriaNotMet;

    protected override void Configure(StateMachine<Stage, Trigger> m, Review r, GuardFacts f)
    {
        var homeOfficeNotified = Guard(() => r.HomeOfficeNotifiedOn is not null,
            "Record that the Home Office was notified of the decision first.");
        var notYetNotified = Guard(() => r.HomeOfficeNotifiedOn is null,
            "The Home Office has already been notified of this decision.");
        var reviewGoesAhead = Guard(() => r.CrgOutcome == CrgOutcome.CriteriaMet || r.IsAlternativeReview,
            "The CRG decided the criteria were not met: record the Home Office's direction, or close the case.");
        var criteriaNotMet = Guard(() => r.CrgOutcome == CrgOutcome.CriteriaNotMet && !r.IsAlternativeReview,
            "The CRG decided to hold a review (criteria met or an alternative review): record the Home Office's acknowledgement instead.");
        // Reversal is the CRG's own: a direction or an alternative review already holds a review.
        var notMetStands = Guard(() => r.CrgOutcome == CrgOutcome.CriteriaNotMet && !r.IsAlternativeReview && !r.HomeOfficeDirected,
            "Only a \"criteria not met\" decision with no review held (no alternative review, no Home Office direction) can be reversed.");
        var hasAuthor = Guard(() => r.HasActiveChairAuthor || r.ChairAuthorAppointedBeforeImportOn is not null,
            "No chair/author is appointed (the appointment may have ended): appoint one first.");
        var noAuthor = Guard(() => !r.HasActiveChairAuthor,
            "A chair/author is already appointed to this review.");
        var notSignedOff = Guard(() => r.SignedOffOn is null,
            "The CRG has already signed off this report.");
        var signedOff = Guard(() => r.SignedOffOn is not null,
            "The CRG has not signed off the final report yet: record its sign-off first.");
        var noSignOffAmendments = Guard(() => r.SignOffAmendmentsAskedOn is null,
            "Amendments asked for after sign-off are not made yet: record that they are made first.");
        var signOffAmendmentsAsked = Guard(() => r.SignOffAmendmentsAskedOn is not null,
            "No amendments were asked for after sign-off.");
        var qaPointsAddressed = Guard(() => r.QaPointsOutstanding == 0,
            Domain.Submissions.SubmissionRules.AmendmentsMadeBlockedBecause(r.QaPointsOutstanding) ?? string.Empty);
        var actionsSignedOff = Guard(() => f.ActionsNotSignedOff == 0, f.ActionsNotSignedOff == 1
            ? "1 action is not signed off yet." : $"{f.ActionsNotSignedOff} actions are not signed off yet.");
        var familyConsents = Guard(() => !r.FamilyConsentWithdrawn,
            "Publication is blocked: the family has withdrawn consent to the report pseudonym.");

        m.Configure(Stage.NotificationReceived)
            .Permit(Trigger.PresentToCrg, Stage.AwaitingCrgDecision)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.AwaitingCrgDecision)
            .Permit(Trigger.RecordCriteriaMet, Stage.DecisionNotified)
            .Permit(Trigger.RecordCriteriaNotMet, Stage.DecisionNotified)
            .PermitReentry(Trigger.RecordMoreInformationNeeded)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.DecisionNotified)
            .PermitReentryIf(Trigger.RecordHomeOfficeNotified, notYetNotified)
            .PermitIf(Trigger.RecordHomeOfficeAcknowledged, Stage.Commissioning, homeOfficeNotified, reviewGoesAhead)
            .PermitIf(Trigger.RecordHomeOfficeDirection, Stage.Commissioning, homeOfficeNotified, criteriaNotMet)
            .PermitIf(Trigger.CloseWithoutReview, Stage.Closed, homeOfficeNotified, criteriaNotMet)
            .PermitReentryIf(Trigger.ReverseCriteriaNotMet, notMetStands)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.Commissioning)
            .PermitIf(Trigger.AppointAuthor, Stage.PanelAndReport, noAuthor)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.PanelAndReport)
            .PermitReentryIf(Trigger.AppointAuthor, noAuthor)
            .PermitIf(Trigger.SubmitForSignOff, Stage.CrgSignOff, hasAuthor)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.CrgSignOff)
            .PermitReentryIf(Trigger.RecordSignedOff, notSignedOff)
            .PermitIf(Trigger.RecordAmendmentsRequired, Stage.PanelAndReport, notSignedOff)
            .PermitReentryIf(Trigger.RecordAmendmentsAfterSignOff, signedOff, noSignOffAmendments)
            .PermitReentryIf(Trigger.RecordSignOffAmendmentsMade, signOffAmendmentsAsked)
            .PermitIf(Trigger.SubmitToHomeOffice, Stage.Submitted, signedOff, noSignOffAmendments)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.Submitted)
            .Permit(Trigger.RecordQaApproved, Stage.Publication)
            .Permit(Trigger.RecordQaApprovedSubjectToAmendments, Stage.QaAmendments)
            .Permit(Trigger.RecordQaResubmit, Stage.PanelAndReport)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.QaAmendments)
            .PermitIf(Trigger.RecordAmendmentsMade, Stage.Publication, qaPointsAddressed)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.Publication)
            .PermitIf(Trigger.RecordPublished, Stage.ActionPlanMonitoring, familyConsents)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.ActionPlanMonitoring)
            .PermitIf(Trigger.CloseReview, Stage.Closed, actionsSignedOff)
            .Permit(Trigger.PutOnHold, Stage.OnHold);

        m.Configure(Stage.OnHold)
            .PermitReentry(Trigger.ReviewHold)
            .PermitDynamic(Trigger.Resume, () => r.HeldFromStage ?? Stage.NotificationReceived, "the stage it was held from", HeldFrom);

        // Any open review, held or not, can be stopped once the Home Office agrees.
        foreach (var stage in OpenStages.Append(Stage.OnHold))
        {
            m.Configure(stage).Permit(Trigger.StopReview, Stage.Closed);
        }

        // A case closed without a review stays open to the CRG's reversal (a judicial review can take a year). Any closed
        // review can be reopened: it returns to the stage it was closed from (for a stop during a hold, the stage held
        // from: the hold ended with the stop, and can be put on again from its real date).
        var closeRecorded = Guard(() => f.LastClose is not null,
            "The stage this review was closed from is not in its journal, so it cannot be reopened here.");
        m.Configure(Stage.Closed)
            .PermitIf(Trigger.ReverseCriteriaNotMet, Stage.DecisionNotified, notMetStands)
            .PermitDynamicIf(Trigger.ReopenReview, () => f.LastClose!.ReturnTo, "the stage it was closed from", ClosedFrom, closeRecorded);
    }

    private static readonly DynamicStateInfos HeldFrom = OpenStageInfos("held from ");

    private static readonly DynamicStateInfos ClosedFrom = OpenStageInfos("closed from ");

    private static DynamicStateInfos OpenStageInfos(string prefix)
    {
        var infos = new DynamicStateInfos();
        foreach (var stage in OpenStages)
        {
            infos.Add(stage, prefix + StageNames.Describe(stage));
        }

        return infos;
    }

    private static Tuple<Func<bool>, string> Guard(Func<bool> condition, string reason) => Tuple.Create(condition, reason);
}
