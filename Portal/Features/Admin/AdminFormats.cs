using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.Admin;

/// Admin-only wording; dates come from Domain.Calendar.UkDate.
public static class AdminFormats
{
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// An organisation in a list of choices, marked when it has been deactivated.
    public static string Choice(IEnumerable<OrganisationChoice> choices, int? id) =>
        choices.FirstOrDefault(o => o.Id == id) is { } o ? o.Name + (o.IsActive ? string.Empty : " (inactive)") : string.Empty;
}
