using Domain.Calendar;

namespace Domain.Reports;

/// The dates a review reached each milestone (null: not yet, or not recorded).
public sealed record Milestones(DateOnly Notified, DateOnly? Decided, DateOnly? AuthorAppointed, DateOnly? FirstPanel,
    DateOnly? SignedOff, DateOnly? QaOutcome);

/// A spell on hold: From the day it was put on hold, To the day it resumed (null: still on hold).
public sealed record HoldSpell(DateOnly From, DateOnly? To);

public enum TimelinessStep
{
    NotificationToDecision,
    DecisionToAuthor,
    AuthorToFirstPanel,
    DecisionToSignOff,
    SignOffToQaOutcome,
}

/// One step of a review measured against its target. Days are calendar days; HeldDays are the days on hold within the
/// step, shown separately and added to the target as the review's clocks add them.
public sealed record TimelinessInterval(TimelinessStep Step, DateOnly? Start, DateOnly? End, int? ElapsedDays, int HeldDays,
    DateOnly? Target, bool? Met)
{
    /// Started but not finished on the report date.
    public bool InProgress => Start is not null && End is null;

    public bool NotStarted => Start is null;

    public int? DaysExcludingHolds => ElapsedDays - HeldDays;
}

public static class Timeliness
{
    public static string Describe(TimelinessStep step) => step switch
    {
        TimelinessStep.NotificationToDecision => "Notification to decision (target 1 month)",
        TimelinessStep.DecisionToAuthor => "Decision to author appointed (target 1 month)",
        TimelinessStep.AuthorToFirstPanel => "Author appointed to first panel",
        TimelinessStep.DecisionToSignOff => "Decision to CRG sign-off (target 6 months)",
        TimelinessStep.SignOffToQaOutcome => "Sign-off to Home Office QA outcome",
        _ => step.ToString(),
    };

    public static IReadOnlyList<TimelinessInterval> Measure(Milestones m, IReadOnlyList<HoldSpell> holds, DateOnly asOf, DeadlineSettings targets) =>
    [
        Step(TimelinessStep.NotificationToDecision, m.Notified, m.Decided, holds, asOf, targets.DecisionDue),
        Step(TimelinessStep.DecisionToAuthor, m.Decided, m.AuthorAppointed, holds, asOf, targets.AppointmentDue),
        Step(TimelinessStep.AuthorToFirstPanel, m.AuthorAppointed, m.FirstPanel, holds, asOf, null),
        Step(TimelinessStep.DecisionToSignOff, m.Decided, m.SignedOff, holds, asOf, targets.CompletionDue),
        Step(TimelinessStep.SignOffToQaOutcome, m.SignedOff, m.QaOutcome, holds, asOf, null),
    ];

    /// Calendar days on hold between start (inclusive) and end (exclusive), as a clock counts them when it resumes.
    public static int HeldDaysBetween(IReadOnlyList<HoldSpell> holds, DateOnly start, DateOnly end) =>
        holds.Sum(h =>
        {
            var from = h.From > start ? h.From : start;
            var to = h.To is DateOnly t && t < end ? t : end;
            return Math.Max(0, to.DayNumber - from.DayNumber);
        });

    private static TimelinessInterval Step(TimelinessStep step, DateOnly? start, DateOnly? end, IReadOnlyList<HoldSpell> holds,
        DateOnly asOf, Func<DateOnly, DateOnly>? baseTarget)
    {
        // A step that starts after the report date has not started as of that date.
        if (start is not DateOnly from || from > asOf)
        {
            return new TimelinessInterval(step, null, null, null, 0, null, null);
        }

        // A milestone after the report date has not happened yet as of that date.
        var finished = end is DateOnly e && e <= asOf ? e : (DateOnly?)null;
        var until = finished ?? asOf;
        var held = HeldDaysBetween(holds, from, until);
        var target = baseTarget is null ? (DateOnly?)null : baseTarget(from).AddDays(held);
        bool? met = target is not DateOnly due ? null
            : finished is DateOnly done ? done <= due
            : asOf > due ? false : null;
        return new TimelinessInterval(step, from, finished, Math.Max(0, until.DayNumber - from.DayNumber), held, target, met);
    }
}
