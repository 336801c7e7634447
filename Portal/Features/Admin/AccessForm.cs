using Domain.Access;
using Workflows.Accounts;
using Workflows.Admin;

namespace Portal.Features.Admin;

/// The roles and memberships being edited on the new-account and edit-account pages.
public sealed class AccessForm
{
    public HashSet<Role> Roles { get; init; } = [];

    public IReadOnlyCollection<int> OfficeIds { get; set; } = [];

    public IReadOnlyCollection<int> AgencyIds { get; set; } = [];

    public static AccessForm From(UserAccess access) =>
        new() { Roles = access.Roles.ToHashSet(), OfficeIds = access.OfficeIds.ToList(), AgencyIds = access.AgencyIds.ToList() };

    public UserAccess ToAccess() => new(Roles.ToList(), OfficeIds.ToList(), AgencyIds.ToList());
}
