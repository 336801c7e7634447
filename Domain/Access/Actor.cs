namespace Domain.Access;

/// Who is acting, as loaded fresh from the database for each request or operation,
/// so that a removed role or membership takes effect on the next one.
public sealed record Actor(string UserId, string Email, IReadOnlySet<Role> Roles, IReadOnlySet<int> OfficeIds, IReadOnlySet<int> AgencyIds)
{
    public bool Is(Role role) => Roles.Contains(role);

    public bool IsOfficeStaff => Is(Role.ReviewOfficer) || Is(Role.Manager);

    public static Actor Anonymous { get; } = new(string.Empty, string.Empty, new HashSet<Role>(), new HashSet<int>(), new HashSet<int>());
}
