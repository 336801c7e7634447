using Domain.Calendar;

namespace Domain.Reports;

/// The dates a review reached each milestone (null: not yet, or not recorded). Decided is the CRG's decision (met, not
/// met, or an alternative review instead); ReviewStarted starts the appointment and completion steps: the CRG's decision
/// when a review goes ahead, or a Home Office direction's date (null: no review, or not yet directed). Submitted and
/// Finished (published or closed) only end earlier steps that were passed without their own event.
public sealed record Milestones(DateOnly Notified, DateOnly? Decided, DateOnly? ReviewStarted, DateOnly? AuthorAppointed,
    DateOnly? FirstPanel, DateOnly? SignedOff, DateOnly? QaOutcome)
{
    public DateOnly? Submitted { get; init; }

    public DateOnly? Finished { get; init; }

    /// A CRG decision recorded without its day (an import's): the day it is known to have happened by (Decided is null).
    public DateOnly? DecidedBy { get; init; }

    /// The review's start, when that decision started it: the day it is known to have started by (ReviewStarted is null).
    public DateOnly? StartedBy { get; init; }
}

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
    DateOnly? Target, bool? Met, bool NotRecorded = false)
{
    /// A step not recorded: the day it is known to have been passed by (its own end when only its start is unknown, else
    /// the later milestone that made it moot). The summary counts it in that day's financial year.
    public DateOnly? PassedBy { get; init; }

    /// Started but not finished on the report date.
    public bool InProgress => Start is not null && End is null && !NotRecorded;

    public bool NotStarted => Start is null && !NotRecorded;

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

    /// Each step runs from its start to the event that ends it. A later milestone reached on or before the date makes
    /// a step moot: passed without its own event (or its start) recorded, it is "not recorded", never days counting on.
    public static IReadOnlyList<TimelinessInterval> Measure(Milestones m, IReadOnlyList<HoldSpell> holds, DateOnly asOf, DeadlineSettings targets)
    {
        DateOnly? Passed(params DateOnly?[] later) => later.Where(d => d <= asOf).Min();

        return
        [
            Step(TimelinessStep.NotificationToDecision, m.Notified, m.Decided,
                Passed(m.DecidedBy, m.ReviewStarted, m.AuthorAppointed, m.FirstPanel, m.SignedOff, m.Submitted, m.QaOutcome, m.Finished), holds, asOf, targets.DecisionDue),
            // A review started on a day not recorded: its steps from the decision are "not recorded" once it has started.
            Step(TimelinessStep.DecisionToAuthor, m.ReviewStarted, m.AuthorAppointed,
                Passed(m.FirstPanel, m.SignedOff, m.Submitted, m.QaOutcome, m.Finished) ?? Passed(m.StartedBy), holds, asOf, targets.AppointmentDue),
            Step(TimelinessStep.AuthorToFirstPanel, m.AuthorAppointed, m.FirstPanel, Passed(m.SignedOff, m.Submitted, m.QaOutcome, m.Finished), holds, asOf, null),
            Step(TimelinessStep.DecisionToSignOff, m.ReviewStarted, m.SignedOff, Passed(m.Submitted, m.QaOutcome, m.Finished) ?? Passed(m.StartedBy), holds, asOf,
                targets.CompletionDue),
            Step(TimelinessStep.SignOffToQaOutcome, m.SignedOff, m.QaOutcome, Passed(m.Finished), holds, asOf, null),
        ];
    }

    /// Calendar days on hold between start (inclusive) and end (exclusive), as a clock counts them when it resumes.
    public static int HeldDaysBetween(IReadOnlyList<HoldSpell> holds, DateOnly start, DateOnly end) =>
        holds.Sum(h =>
        {
            var from = h.From > start ? h.From : start;
            var to = h.To is DateOnly t && t < end ? t : end;
            return Math.Max(0, to.DayNumber - from.DayNumber);
        });

    private static TimelinessInterval Step(TimelinessStep step, DateOnly? start, DateOnly? end, DateOnly? passed, IReadOnlyList<HoldSpell> holds,
        DateOnly asOf, Func<DateOnly, DateOnly>? baseTarget)
    {
        // A milestone after the report date has not happened yet as of that date.
        var finished = end is DateOnly e && e <= asOf ? e : (DateOnly?)null;

        // A step that starts after the report date has not started as of that date, unless it was passed all the same.
        if (start is not DateOnly from || from > asOf)
        {
            return new TimelinessInterval(step, null, null, null, 0, null, null, NotRecorded: finished is not null || passed is not null)
            {
                PassedBy = finished ?? passed,
            };
        }

        if (finished is null && passed is not null)
        {
            return new TimelinessInterval(step, from, null, null, 0, null, null, NotRecorded: true) { PassedBy = passed };
        }

        var until = finished ?? asOf;
        var held = HeldDaysBetween(holds, from, until);
        var target = baseTarget is null ? (DateOnly?)null : baseTarget(from).AddDays(held);
        bool? met = target is not DateOnly due ? null
            : finished is DateOnly done ? done <= due
            : asOf > due ? false : null;
        return new TimelinessInterval(step, from, finished, Math.Max(0, until.DayNumber - from.DayNumber), held, target, met);
    }
}
