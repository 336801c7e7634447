namespace Domain.ActionPlans;

/// What the owner last said (or the officer decided). Overdue is not stored: it is worked out from the due date
/// (ActionStatuses.Current), so it cannot go stale.
public enum ActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Completed,
    SignedOff,
}

/// What is shown and filtered on: the stored status, or Overdue for an open action whose due date has passed.
public enum ActionDisplayStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Overdue,
    Completed,
    SignedOff,
}

/// The owner's answer to the impact review a set time after sign-off.
public enum ImpactOutcome
{
    /// The change is still in place and made a difference.
    Confirmed,
    NotEvidenced,
    NotSustained,
}

/// One action of a review's action plan, for one recommendation. Named PlanAction because System.Action exists.
/// The owner is an agency and one of its contacts; any contact of that agency may post updates.
public sealed class PlanAction
{
    public const int WhatMaxLength = 1000;
    public const int MeasureMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }

    /// The review whose plan it is, or null for a learning source's action (LearningSourceId): exactly one is set (Plan).
    public int? ReviewId { get; set; }

    public int? LearningSourceId { get; set; }

    /// The review or learning source whose plan it is; setting it sets both ids (the one-of-two rule, PlanOf).
    public PlanOf Plan
    {
        get => PlanOf.Of(ReviewId, LearningSourceId);
        set => (ReviewId, LearningSourceId) = (value.ReviewId, value.LearningSourceId);
    }

    public int RecommendationId { get; set; }

    /// 1, 2, 3 ... within its recommendation: "R2.1" with the recommendation's number (ActionLabel).
    public int Number { get; set; }

    public required string What { get; set; }

    public int OwnerAgencyId { get; set; }

    /// An AgencyContact account of the owner agency: asked for updates and the impact review.
    public required string OwnerUserId { get; set; }

    public DateOnly DueDate { get; set; }

    public required string SuccessMeasure { get; set; }

    public ActionStatus Status { get; set; }

    /// The day the action was agreed (entered, a London date; today by default). The board appendix as at a past date
    /// shows the action from this day, however late it was typed in (CreatedAtUtc, metadata).
    public DateOnly AgreedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public DateOnly? SignedOffOn { get; set; }

    public string? SignedOffByUserId { get; set; }

    /// Why the officer returned it the last time (cleared when it is completed again).
    public string? ReturnReason { get; set; }

    /// The owner's task "deliver this action" (an agency work item, so reminders and escalation follow its due date).
    public long? WorkItemId { get; set; }

    public Workflow.WorkItem? WorkItem { get; set; }

    /// When the owner is asked whether the change lasted: sign-off + Actions:ImpactReviewMonths.
    public DateOnly? ImpactReviewDueOn { get; set; }

    public DateOnly? ImpactRequestedOn { get; set; }

    public long? ImpactWorkItemId { get; set; }

    public Workflow.WorkItem? ImpactWorkItem { get; set; }

    public ImpactOutcome? ImpactOutcome { get; set; }

    public string? ImpactComment { get; set; }

    public DateTime? ImpactAnsweredAtUtc { get; set; }

    public string? ImpactAnsweredByUserId { get; set; }

    /// Optimistic concurrency, incremented by the application on every change.
    public int Version { get; set; }

    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.OnTrack or ActionStatus.AtRisk;

    public string OwnerKey => DocumentOwnerKey(Id);

    public static string DocumentOwnerKey(long id) => $"action:{id}";

    /// "R2.1": how pages and emails name an action (never its text, which may say more than an email should).
    public static string Label(int recommendationNumber, int actionNumber) => $"R{recommendationNumber}.{actionNumber}";

    public static IReadOnlyList<Error> Validate(string? what, int? agencyId, string? ownerUserId, DateOnly? due, string? measure, DateOnly today)
    {
        var errors = WhatAndOwnerErrors(what, agencyId, ownerUserId).ToList();
        if (due is not DateOnly date)
        {
            errors.Add(new Error("Enter the date by which the action will be done.", nameof(DueDate)));
        }
        else if (date < today)
        {
            errors.Add(new Error("The due date cannot be in the past.", nameof(DueDate)));
        }

        if (string.IsNullOrWhiteSpace(measure))
        {
            errors.Add(new Error("Say how you will know the action has worked (the success measure).", nameof(SuccessMeasure)));
        }
        else if (measure.Trim().Length > MeasureMaxLength)
        {
            errors.Add(new Error($"The success measure must be {MeasureMaxLength} characters or fewer.", nameof(SuccessMeasure)));
        }

        return errors;
    }

    /// The rules an action's wording and owner follow when added and when re-planned.
    public static IEnumerable<Error> WhatAndOwnerErrors(string? what, int? agencyId, string? ownerUserId)
    {
        if (string.IsNullOrWhiteSpace(what))
        {
            yield return new Error("Say what will be done.", nameof(What));
        }
        else if (what.Trim().Length > WhatMaxLength)
        {
            yield return new Error($"What will be done must be {WhatMaxLength} characters or fewer.", nameof(What));
        }

        if (agencyId is null)
        {
            yield return new Error("Choose the agency that owns the action.", nameof(OwnerAgencyId));
        }

        if (string.IsNullOrWhiteSpace(ownerUserId))
        {
            yield return new Error("Choose the agency contact responsible for the action.", nameof(OwnerUserId));
        }
    }
}

/// A progress update by the owner agency, or the officer's sign-off or return: the action's history.
public sealed class ActionUpdate
{
    public const int TextMaxLength = 2000;

    public long Id { get; set; }

    public long ActionId { get; set; }

    public ActionUpdateKind Kind { get; set; }

    public required string Text { get; set; }

    /// The status the action had after this update.
    public ActionStatus Status { get; set; }

    /// The date the update describes the action "as at" (entered, a London date; today by default): what the board
    /// appendix and the master plan read.
    public DateOnly AsAt { get; set; }

    /// When it was recorded (metadata).
    public DateTime AtUtc { get; set; }

    public required string ByUserId { get; set; }
}

public enum ActionUpdateKind
{
    Progress,
    SignedOff,
    Returned,
    ImpactReview,
}
