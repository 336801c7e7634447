using Domain.ActionPlans;

namespace Workflows.ActionPlans;

/// The "Actions" section of appsettings.json (documented in README.md).
public sealed class ActionPlanOptions
{
    /// Days of the year ("dd-MM", comma-separated) on which each owner with open actions is asked for an update.
    public string UpdateRequestDates { get; set; } = "01-03,01-06,01-09,01-12";

    /// Calendar months after sign-off when the owner is asked whether the change lasted (clamped at month end).
    public int ImpactReviewMonths { get; set; } = 12;

    /// Weeks the owner has to answer the impact review (the task's due date).
    public int ImpactAnswerWeeks { get; set; } = 4;

    /// How far the board report's actions appendix looks back for "changed since": the previous board's date, months
    /// before the report's (boards meet quarterly).
    public int BoardChangesMonths { get; set; } = 3;

    public UpdateRequestDates RequestDates => Domain.ActionPlans.UpdateRequestDates.Parse(UpdateRequestDates);
}

/// The reasons of the action plan's emails (outbox dedupe: one per recipient, reason and occurrence).
public static class ActionPlanEmails
{
    /// Quarterly: "please update your actions", once per owner per period (key "action-updates:{period start}").
    public const string UpdateRequest = "ActionUpdateRequest";

    /// The officer returned a completed action, with the reason (key "action-returned:{action id}:v{version}").
    public const string Returned = "ActionReturned";

    /// The impact review a set time after sign-off (key "action-impact:{action id}").
    public const string ImpactReview = "ActionImpactReview";

    /// The owner reported an action completed: to those who manage the plan (key "action-completed:{action id}:v{version}").
    public const string WaitingForSignOff = "ActionWaitingForSignOff";

    /// A re-plan gave an action a new owner: to the new owner's contact (key "action-owner:{action id}:v{version}").
    public const string NewOwner = "ActionNewOwner";
}
