namespace Domain.Reviews;

/// What the process definition's guards read and the engine records as the review moves on. Changed only through
/// the workflow engine (Workflows/Process), never by a page directly.
public sealed partial class Review
{
    /// While on hold: the stage the review left, where Resume returns it.
    public Stage? HeldFromStage { get; set; }

    public HoldReason? HoldReason { get; set; }

    public DateOnly? HeldSince { get; set; }

    /// When the officer plans to look at the hold again (the "On hold" queue shows it).
    public DateOnly? HoldExpectedReviewDate { get; set; }

    /// The date the case was first presented to the CRG: boards group cases by it.
    public DateOnly? CrgFirstPresentedOn { get; set; }

    public CrgOutcome? CrgOutcome { get; set; }

    /// The date of the CRG's decision (or of its reversal of "criteria not met"). A Home Office direction leaves it: the
    /// direction starts the review's clocks from its own date, which its journal entry keeps.
    public DateOnly? DecidedOn { get; set; }

    public DateOnly? HomeOfficeNotifiedOn { get; set; }

    /// The Home Office directed a review after a "criteria not met" decision.
    public bool HomeOfficeDirected { get; set; }

    /// The CSP challenges the direction (judicial review): "directed, under challenge".
    public bool UnderChallenge { get; set; }

    /// The CRG signed off the final report (cleared when the report goes back for amendments).
    public DateOnly? SignedOffOn { get; set; }

    /// The day amendments were asked for after the CRG signed off, while they are not made: the report is not
    /// submitted to the Home Office until they are (cleared when they are recorded as made).
    public DateOnly? SignOffAmendmentsAskedOn { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    public QaOutcome? QaOutcome { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// Where the published report can be read, first the address recorded with the publication step.
    public List<Domain.Submissions.PublicationLink> PublicationLinks { get; set; } = [];

    /// The family withdrew consent to the report pseudonym: publication is blocked until it is restored.
    public bool FamilyConsentWithdrawn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// QA feedback points of the latest submission not yet ticked as addressed: the amendments are made only at 0.
    public int QaPointsOutstanding { get; set; }
    /// Imported from an office's tracker: the date a chair/author was appointed outside the portal (no account here).
    public DateOnly? ChairAuthorAppointedBeforeImportOn { get; set; }

    /// Imported from an office's tracker: the day of the first panel meeting, held before the portal (no meeting here).
    public DateOnly? FirstPanelBeforeImportOn { get; set; }

    public bool HasActiveChairAuthor =>
        Participants.Any(p => p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc is null);
}

public enum CrgOutcome
{
    CriteriaMet,
    CriteriaNotMet,
}

public enum QaOutcome
{
    Approved,
    ApprovedSubjectToAmendments,
    Resubmit,
}

/// Why the CRG reversed its "criteria not met" decision.
public enum DecisionReversalReason
{
    JudicialReview,
    Appeal,
    NewInformation,
}

public enum HoldReason
{
    CriminalTrial,
    Inquest,
    CoronersRequest,
    PoliceInvestigation,
    FamilyRequest,
    Other,
}
