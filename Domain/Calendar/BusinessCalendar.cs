namespace Domain.Calendar;

/// Working days and calendar arithmetic for deadlines. Working days exclude Saturdays, Sundays and the bank holidays
/// it is given (the shipped list merged with the administrators' additions).
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(IEnumerable<DateOnly> holidays) => _holidays = holidays.ToHashSet();

    /// The shipped England and Wales list plus any extra days (from the BankHolidays table).
    public static BusinessCalendar EnglandAndWales(IEnumerable<DateOnly>? extra = null) =>
        new(EnglandAndWalesBankHolidays.Shipped.Select(h => h.Date).Concat(extra ?? []));

    public bool IsBankHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// The date `days` working days after `start` (the start day itself is not counted): Friday + 1 = Monday.
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// Calendar months, clamped at the end of a shorter month: 31 January + 1 month = 28 (or 29) February.
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    public static DateOnly AddWeeks(DateOnly date, int weeks) => date.AddDays(7 * weeks);
}
