using System.Globalization;
using Workflows.Time;

namespace Portal.Components.Shared;

/// UK formats everywhere: "23 Nov 2026", "23 Nov 2026 14:05" (London time).
public static class Formats
{
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", UkCulture);

    public static string Date(DateTime utc) => BusinessClock.ToLondon(utc).ToString("d MMM yyyy", UkCulture);

    public static string DateTime(DateTime utc) => BusinessClock.ToLondon(utc).ToString("d MMM yyyy HH:mm", UkCulture);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", UkCulture);

    public static string YesNo(bool value) => value ? "Yes" : "No";
}
