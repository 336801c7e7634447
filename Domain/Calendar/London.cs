namespace Domain.Calendar;

/// Business dates are Europe/London dates; instants are UTC. A due date is met until the end of that day in London,
/// so an item is overdue from 00:00 London time on the day after (which is 23:00 UTC the evening before in summer).
public static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// The London wall-clock time of a UTC instant.
    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// A London wall-clock time as UTC, or null for a time that does not exist there (skipped when the clocks go forward).
    public static DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// The UTC instant at which the London day `date` begins.
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// The UTC instant from which something due on `due` is overdue: the start of the next London day.
    public static DateTime OverdueFromUtc(DateOnly due) => StartOfDayUtc(due.AddDays(1));
}
