using Domain.Calendar;

namespace Domain.ActionPlans;

/// The dates a person enters for an action: the day it was agreed, the date an update describes the action "as at",
/// the day a re-plan was agreed. They are the facts the board appendix and the master plan read (a London date, today
/// by default); when it was typed is kept apart as metadata. None may be in the future. An action's agreed date cannot
/// be before the death was notified; an update or re-plan cannot be before the action was agreed, nor before the latest
/// one of its kind, so the action's current status and due date stay those of its latest dated update and re-plan.
public static class ActionDates
{
    /// The date the action was agreed (the field AgreedOn of the add form).
    public static Error? CheckAgreed(DateOnly? on, DateOnly today, DateOnly notified) =>
        CheckAgreed(on, today, "the death was notified", notified);

    /// The same for any plan: not before the day its review's death was notified or its learning source was agreed.
    public static Error? CheckAgreed(DateOnly? on, DateOnly today, string since, DateOnly sinceOn) =>
        Check(on, today, "the date the action was agreed", "agreed", [(since, sinceOn)], nameof(PlanAction.AgreedOn));

    /// The "as at" date of an owner's update: not before the action was agreed nor before its latest update.
    public static Error? CheckUpdate(DateOnly? on, DateOnly today, PlanAction action, DateOnly? latestUpdate, string field) =>
        Check(on, today, "the date the update describes the action as at", "\"as at\"",
            [("the action was agreed", action.AgreedOn), ("its latest update", latestUpdate)], field);

    /// The date a re-plan was agreed: not before the action was agreed nor before its latest re-plan.
    public static Error? CheckReplan(DateOnly? on, DateOnly today, PlanAction action, DateOnly? latestReplan) =>
        Check(on, today, "the date the change was agreed", "\"agreed on\"",
            [("the action was agreed", action.AgreedOn), ("its latest re-plan", latestReplan)], nameof(ActionReplan.AgreedOn));

    /// Who recorded an entry, and when where that was another day than the date entered (as the review timeline shows
    /// it): "Priya Police" or "Priya Police, recorded 6 Dec 2026 14:05".
    public static string RecordedBy(DateOnly on, DateTime atUtc, string by) =>
        London.DateOf(atUtc) == on ? by : $"{by}, recorded {UkDate.FormatWithTime(atUtc)}";

    private static Error? Check(DateOnly? on, DateOnly today, string what, string name, (string What, DateOnly? On)[] bounds, string field)
    {
        if (on is not DateOnly date)
        {
            return new Error($"Enter {what}.", field);
        }

        if (date > today)
        {
            return new Error($"The {name} date cannot be in the future.", field);
        }

        // The latest bound is the one to name: it is the one the date falls before.
        var bound = bounds.Where(b => b.On is not null).OrderByDescending(b => b.On).First();
        return date < bound.On
            ? new Error($"The {name} date cannot be before {bound.What} ({UkDate.Format(bound.On!.Value)}).", field)
            : null;
    }
}
