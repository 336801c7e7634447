using System.Globalization;
using Workflows.Admin;
using Workflows.Time;

namespace Portal.Features.Admin;

public static class Formats
{
    /// A UK date as people write it, e.g. "23 Nov 2026", on the London calendar. Invariant month names: en-GB's
    /// ICU data writes "Sept".
    public static string UkDate(DateTime utc) =>
        utc == default ? "Not recorded" : BusinessClock.ToLondon(utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// An organisation in a list of choices, marked when it has been deactivated.
    public static string Choice(IEnumerable<OrganisationChoice> choices, int? id) =>
        choices.FirstOrDefault(o => o.Id == id) is { } o ? o.Name + (o.IsActive ? string.Empty : " (inactive)") : string.Empty;
}
