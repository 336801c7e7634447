namespace Domain.Reviews;

public enum ReviewType
{
    /// Domestic Abuse Related Death Review (Victims and Prisoners Act 2024, s.19): the default for new cases.
    Dardr,
    /// Domestic Homicide Review: reviews that started under the old name keep it.
    Dhr,
}

/// Stages of process version 1 (DOMAIN.md). The workflow definition decides which moves are allowed.
public enum Stage
{
    NotificationReceived,
    AwaitingCrgDecision,
    DecisionNotified,
    Commissioning,
    PanelAndReport,
    CrgSignOff,
    Submitted,
    /// QA approved the report subject to listed amendments: publish once they are made.
    QaAmendments,
    Publication,
    ActionPlanMonitoring,
    Closed,
    OnHold,
}

public static class StageNames
{
    public static string Describe(Stage stage) => stage switch
    {
        Stage.NotificationReceived => "Notification received",
        Stage.AwaitingCrgDecision => "Awaiting CRG decision",
        // Named for what is awaited: the Home Office is told, then acknowledges, within this stage.
        Stage.DecisionNotified => "Decision made: Home Office to be told",
        Stage.Commissioning => "Commissioning chair/author",
        Stage.PanelAndReport => "Panel and report writing",
        Stage.CrgSignOff => "CRG sign-off",
        Stage.Submitted => "Submitted to the Home Office",
        Stage.QaAmendments => "Amendments after quality assurance",
        Stage.Publication => "Publication",
        Stage.ActionPlanMonitoring => "Action plan monitoring",
        Stage.Closed => "Closed",
        Stage.OnHold => "On hold",
        _ => stage.ToString(),
    };

    /// A name the stage was shown by before, which trackers exported then may still carry.
    public static string? FormerName(Stage stage) => stage switch
    {
        Stage.DecisionNotified => "Decision notified to the Home Office",
        _ => null,
    };

    public static string Describe(HoldReason reason) => reason switch
    {
        HoldReason.CriminalTrial => "Criminal trial",
        HoldReason.Inquest => "Inquest",
        HoldReason.CoronersRequest => "Coroner's request",
        HoldReason.PoliceInvestigation => "Police investigation",
        HoldReason.FamilyRequest => "Family request",
        HoldReason.Other => "Other",
        _ => reason.ToString(),
    };

    public static string Describe(DecisionReversalReason reason) => reason switch
    {
        DecisionReversalReason.JudicialReview => "Judicial review",
        DecisionReversalReason.Appeal => "Appeal",
        DecisionReversalReason.NewInformation => "New information",
        _ => reason.ToString(),
    };

    public static string Describe(ReviewType type) => type switch
    {
        ReviewType.Dardr => "DARDR",
        ReviewType.Dhr => "DHR",
        _ => type.ToString(),
    };
}

public enum ParticipantKind
{
    /// The appointed independent chair and/or author: sees the case.
    ChairAuthor,
    /// A panel member: sees the panel pages and drafts of this review, nothing else.
    PanelMember,
}
