using Microsoft.AspNetCore.Identity;

namespace Workflows.Data;

/// An account: staff, external authors and agency contacts alike. Roles are Identity roles;
/// organisation memberships are rows in Memberships.
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    /// Set by an administrator; a disabled account cannot sign in and has no access.
    public bool IsDisabled { get; set; }

    /// The password was set by an administrator (a temporary one): the person must choose their own before
    /// anything else. Cleared when they change it.
    public bool MustChangePassword { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

/// Membership of a review office or an agency: the basis of office staff's and agency contacts' access.
public sealed class Membership
{
    public required string UserId { get; set; }

    public int OrganisationId { get; set; }
}
