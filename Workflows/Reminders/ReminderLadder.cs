using Domain.Calendar;
using Workflows.Email;

namespace Workflows.Reminders;

/// One rung: a step name (part of the occurrence key), the email reason, and the working day it is sent on.
public sealed record Occasion(string Step, string Reason, DateOnly On);

/// The reminder and escalation dates of one due date. Every date is a working day, so nothing goes out on a weekend
/// or bank holiday: an intended date that is not one moves to the next working day.
public static class ReminderLadder
{
    /// escalatedOn: the day the first escalation went out (ReminderScan reads it from the outbox); the second rung
    /// comes its own number of working days after it, never with it. Null while it has not gone out: no second rung yet.
    public static IReadOnlyList<Occasion> For(DateOnly due, BusinessCalendar calendar, ReminderOptions options, DateOnly? escalatedOn = null)
    {
        var before = new List<Occasion>();
        if (options.DaysBefore > 0)
        {
            before.Add(new($"due-{options.DaysBefore}d", EmailReasons.Reminder, NextWorkingDay(due.AddDays(-options.DaysBefore), calendar)));
        }

        if (options.WorkingDaysBefore > 0)
        {
            before.Add(new($"due-{options.WorkingDaysBefore}wd", EmailReasons.Reminder, SubtractWorkingDays(due, options.WorkingDaysBefore, calendar)));
        }

        if (options.OnTheDay && calendar.IsWorkingDay(due))
        {
            before.Add(new("due-day", EmailReasons.Reminder, due));
        }

        // Two reminders that land on the same day (holidays between them) are one: the later step says more.
        var ladder = before.Where(o => o.On < due || o.Step == "due-day").GroupBy(o => o.On).Select(g => g.Last()).ToList();
        ladder.Add(FirstEscalation(due, calendar, options));
        if (escalatedOn is DateOnly told)
        {
            // The step keeps its old name so that second escalations sent before this rule are not sent again.
            ladder.Add(new($"overdue-{options.SecondEscalationAfterWorkingDays}wd", EmailReasons.SecondEscalation,
                calendar.AddWorkingDays(told, Math.Max(1, options.SecondEscalationAfterWorkingDays))));
        }

        return ladder;
    }

    /// The managers are told on this working day after the due date.
    public static Occasion FirstEscalation(DateOnly due, BusinessCalendar calendar, ReminderOptions options) =>
        new($"overdue-{options.EscalateAfterWorkingDays}wd", EmailReasons.OverdueEscalation,
            calendar.AddWorkingDays(due, Math.Max(1, options.EscalateAfterWorkingDays)));

    /// The rungs to queue today: the latest reminder reached (while not yet overdue: a missed one is only worth sending
    /// if no later one has replaced it) and the escalations reached (each is sent once, whenever the scan first sees it;
    /// the second exists only once the first has gone out, so an item long overdue gets one escalation a day at most).
    public static IEnumerable<Occasion> DueBy(IReadOnlyList<Occasion> ladder, DateOnly due, DateOnly today)
    {
        var reminder = ladder.Where(o => o.Reason == EmailReasons.Reminder && o.On <= today).MaxBy(o => o.On);
        if (reminder is not null && today <= due)
        {
            yield return reminder;
        }

        foreach (var escalation in ladder.Where(o => o.Reason != EmailReasons.Reminder && o.On <= today))
        {
            yield return escalation;
        }
    }

    public static DateOnly NextWorkingDay(DateOnly date, BusinessCalendar calendar)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public static DateOnly SubtractWorkingDays(DateOnly date, int days, BusinessCalendar calendar)
    {
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }
}
