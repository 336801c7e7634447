using Domain.Access;

namespace Workflows.Accounts;

/// Accounts:InvitationDays: how long an invitation link works.
public sealed record InvitationOptions(TimeSpan Lifetime);

/// Security:RequireTwoFactorForRoles: a comma-separated list of role names whose holders must use two-factor
/// authentication before they see anything (empty: nobody is forced).
public sealed class TwoFactorPolicy(IEnumerable<Role> roles)
{
    public IReadOnlySet<Role> Roles { get; } = roles.ToHashSet();

    public static TwoFactorPolicy Parse(string? setting) => new((setting ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => Enum.TryParse<Role>(name, ignoreCase: true, out var role)
            ? role
            : throw new InvalidOperationException($"Security:RequireTwoFactorForRoles names an unknown role \"{name}\". Use role names such as ReviewOfficer, Manager.")));

    public bool Requires(IEnumerable<Role> roles) => roles.Any(Roles.Contains);
}
