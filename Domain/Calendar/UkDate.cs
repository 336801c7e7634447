using System.Globalization;
using System.Text.RegularExpressions;

namespace Domain.Calendar;

/// Dates as people in the UK write them: "23 Nov 2026", "23 Nov 2026 14:05", "November 2026". Instants (UTC) are
/// shown as London dates and times. Pages, emails, journal notes and messages all use these, so a date reads the
/// same everywhere. Reading dates as people type them belongs here too.
public static partial class UkDate
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

    /// Reads a date as people in the UK type it: day, month, year in figures ("1/12/2026", "01-12-26", "1.12.2026"), the
    /// month in words ("1 Dec 2026", "1st December 2026", "1 Sept 26", "01-Dec-26" as spreadsheets write it), or year first as ISO dates are ("2026-12-01").
    /// A two-digit year is read as en-GB reads it (00-49 this century, 50-99 the last). False for anything else, and
    /// for days the month does not have (31/02/2026, 29/02/2027); the caller says so with Unreadable.
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var typed = text?.Trim() ?? "";
        if (DayFirst().Match(typed) is { Success: true } dayFirst)
        {
            return TryMake(dayFirst.Groups["year"].Value, dayFirst.Groups["month"].Value, dayFirst.Groups["day"].Value, out date);
        }

        if (YearFirst().Match(typed) is { Success: true } yearFirst)
        {
            return TryMake(yearFirst.Groups["year"].Value, yearFirst.Groups["month"].Value, yearFirst.Groups["day"].Value, out date);
        }

        if (MonthInWords().Match(typed) is { Success: true } words && MonthNumber(words.Groups["month"].Value) is { } month)
        {
            return TryMake(words.Groups["year"].Value, month.ToString(Names), words.Groups["day"].Value, out date);
        }

        return false;
    }

    /// What a person reads beside a date field whose text TryParse could not read.
    public static string Unreadable(string text) =>
        $"We could not read '{text.Trim()}' as a date. Type the day, month and year, for example 1/12/2026 or 1 Dec 2026.";

    private static bool TryMake(string yearText, string monthText, string dayText, out DateOnly date)
    {
        date = default;
        var year = int.Parse(yearText, Names);
        if (yearText.Length == 2)
        {
            year = Culture.Calendar.ToFourDigitYear(year);
        }

        var month = int.Parse(monthText, Names);
        var day = int.Parse(dayText, Names);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    // "Dec", "December" and the "Sept" people (and en-GB) write for September.
    private static int? MonthNumber(string name)
    {
        for (var month = 1; month <= 12; month++)
        {
            if (name.Equals(Names.DateTimeFormat.GetMonthName(month), StringComparison.OrdinalIgnoreCase)
                || name.Equals(Names.DateTimeFormat.GetAbbreviatedMonthName(month), StringComparison.OrdinalIgnoreCase))
            {
                return month;
            }
        }

        return name.Equals("Sept", StringComparison.OrdinalIgnoreCase) ? 9 : null;
    }

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})\s*[/.-]\s*(?<month>[0-9]{1,2})\s*[/.-]\s*(?<year>[0-9]{4}|[0-9]{2})$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})$")]
    private static partial Regex YearFirst();

    // Spaces or hyphens around the month's name: "1 Dec 2026", and "01-Dec-26" as spreadsheets write date cells.
    [GeneratedRegex(@"^(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:\s+|\s*-\s*)(?<month>[A-Za-z]+)\.?,?(?:\s+|\s*-\s*)(?<year>[0-9]{4}|[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthInWords();
}
