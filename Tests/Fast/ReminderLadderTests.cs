using Domain.Calendar;
using Workflows.Email;
using Workflows.Reminders;

namespace Portal.Fast.Tests;

/// The escalation ladder (ReminderLadder): the second rung counts from the day the first went out, never from the due
/// date, so an item the scan first sees long after its due date is escalated once that day, not twice.
public class ReminderLadderTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.EnglandAndWales();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IEnumerable<string> Reasons(IEnumerable<Occasion> occasions) => occasions.Select(o => o.Reason);

    [Fact]
    public void FirstEscalation_IsOneWorkingDayAfterTheDueDate_PastBankHolidays()
    {
        // Due Thursday 24 Dec 2026: Christmas (Fri), the weekend and Boxing Day's substitute (Mon 28) are not working days.
        Assert.Equal(D(2026, 12, 29), ReminderLadder.FirstEscalation(D(2026, 12, 24), Calendar, new ReminderOptions()).On);
        // Due on the last day of November (Monday): told on 1 December.
        Assert.Equal(D(2026, 12, 1), ReminderLadder.FirstEscalation(D(2026, 11, 30), Calendar, new ReminderOptions()).On);
    }

    [Fact]
    public void SecondEscalation_ComesItsOwnWorkingDaysAfterTheFirstWentOut_NotAfterTheDueDate()
    {
        var options = new ReminderOptions();

        Assert.DoesNotContain(EmailReasons.SecondEscalation, Reasons(ReminderLadder.For(D(2026, 12, 24), Calendar, options)));

        // First sent 29 Dec; ten working days on, skipping New Year's Day: 13 Jan (from the due date it was 12 Jan).
        var ladder = ReminderLadder.For(D(2026, 12, 24), Calendar, options, escalatedOn: D(2026, 12, 29));
        Assert.Equal(D(2027, 1, 13), ladder.Single(o => o.Reason == EmailReasons.SecondEscalation).On);
        Assert.Equal(D(2026, 12, 29), ladder.Single(o => o.Reason == EmailReasons.OverdueEscalation).On);
    }

    [Fact]
    public void LongOverdueItemFirstSeenToday_GetsOneEscalationToday_AndTheSecondOnlyLater()
    {
        var options = new ReminderOptions { SecondEscalationAfterWorkingDays = 2 };
        var due = D(2025, 1, 1); // 705 days before Monday 7 Dec 2026

        // Before the first has gone out, only the first is due, however late.
        Assert.Equal([EmailReasons.OverdueEscalation], Reasons(ReminderLadder.DueBy(ReminderLadder.For(due, Calendar, options), due, D(2026, 12, 7))));

        // Sent on Monday 7 Dec: nothing new on Tuesday (the first again is the same message, which the outbox refuses),
        // the second on Wednesday.
        var sent = ReminderLadder.For(due, Calendar, options, escalatedOn: D(2026, 12, 7));
        Assert.DoesNotContain(EmailReasons.SecondEscalation, Reasons(ReminderLadder.DueBy(sent, due, D(2026, 12, 8))));
        Assert.Contains(EmailReasons.SecondEscalation, Reasons(ReminderLadder.DueBy(sent, due, D(2026, 12, 9))));
        // Every scan of the same day gives the same rungs (the outbox key makes a repeat a no-op).
        Assert.Equal(ReminderLadder.DueBy(sent, due, D(2026, 12, 9)), ReminderLadder.DueBy(sent, due, D(2026, 12, 9)));
    }

    [Fact]
    public void SecondEscalation_AfterAFridayFirst_SkipsTheWeekendAndChristmas()
    {
        var options = new ReminderOptions { SecondEscalationAfterWorkingDays = 2 };

        // First sent Thursday 24 Dec: Friday 25 and Monday 28 are bank holidays, so two working days on is 30 Dec.
        var ladder = ReminderLadder.For(D(2026, 12, 23), Calendar, options, escalatedOn: D(2026, 12, 24));

        Assert.Equal(D(2026, 12, 30), ladder.Single(o => o.Reason == EmailReasons.SecondEscalation).On);
    }
}
