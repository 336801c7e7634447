namespace Domain.Access;

/// A role that lets its holder see every real name (data protection officer) or manage every account (administrator),
/// asked for by one administrator and waiting for another's approval (issue 13: no single administrator can hand such
/// access to an account they control). Approved: the role is granted and the row removed; declined: the row removed.
/// The audit trail keeps both.
public sealed class RoleGrantRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string UserId { get; set; }

    public Role Role { get; set; }

    /// Null when asked for from the server's command line (no portal account).
    public string? RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }
}
