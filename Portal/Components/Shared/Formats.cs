using System.Globalization;
using Workflows.Time;

namespace Portal.Components.Shared;

/// UK formats everywhere: "23 Nov 2026", "23 Nov 2026 14:05" (London time). Month names come from the invariant
/// culture: en-GB's ICU data abbreviates September as "Sept".
public static class Formats
{
    /// For date pickers: day/month/year.
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly CultureInfo Names = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Names);

    public static string Date(DateTime utc) => BusinessClock.ToLondon(utc).ToString("d MMM yyyy", Names);

    public static string DateOrNotRecorded(DateTime utc) => utc == default ? "Not recorded" : Date(utc);

    public static string DateTime(DateTime utc) => BusinessClock.ToLondon(utc).ToString("d MMM yyyy HH:mm", Names);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Names);

    public static string YesNo(bool value) => value ? "Yes" : "No";
}
