using System.Globalization;

namespace Domain.Calendar;

/// Dates as people in the UK write them: "23 Nov 2026", "23 Nov 2026 14:05", "November 2026". Instants (UTC) are
/// shown as London dates and times. Pages, emails, journal notes and messages all use these, so a date reads the
/// same everywhere. Reading dates as people type them belongs here too.
public static class UkDate
{
    /// The culture of date pickers: day/month/year, Monday first.
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    // Month and day names from the invariant culture: en-GB's ICU data abbreviates September as "Sept".
    private static readonly CultureInfo Names = CultureInfo.InvariantCulture;

    /// "23 Nov 2026".
    public static string Format(DateOnly date) => date.ToString("d MMM yyyy", Names);

    /// The London date of an instant: "23 Nov 2026".
    public static string Format(DateTime utc) => London.ToLocal(utc).ToString("d MMM yyyy", Names);

    /// The London date and time of an instant: "23 Nov 2026 14:05".
    public static string FormatWithTime(DateTime utc) => London.ToLocal(utc).ToString("d MMM yyyy HH:mm", Names);

    /// The London day and time of an instant in full, for invitations: "Tuesday 1 December 2026, 10:00".
    public static string FormatInFull(DateTime utc) => London.ToLocal(utc).ToString("dddd d MMMM yyyy, HH:mm", Names);

    /// "November 2026".
    public static string FormatMonth(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Names);

    public static string FormatMonth(DateOnly date) => FormatMonth(date.Year, date.Month);
}
