using Domain.Access;
using Microsoft.Extensions.Configuration;

namespace Workflows.Accounts;

/// Accounts:InvitationDays: how long an invitation link works.
public sealed record InvitationOptions(TimeSpan Lifetime);

/// Who must use two-factor authentication, and whose device may be remembered so that it asks for no code there.
/// Security:RequireTwoFactorForRoles: role names whose holders must turn it on before they see anything (every role
/// when the key is absent; empty: nobody is forced), and who cannot turn it off. Security:RememberDeviceForRoles: a
/// device is remembered only for a person all of whose roles are listed (none of them seeing personal data by
/// default), for Security:RememberDeviceDays (0: never).
public sealed class TwoFactorPolicy(IEnumerable<Role> required, IEnumerable<Role> rememberable, TimeSpan rememberFor)
{
    public IReadOnlySet<Role> Roles { get; } = required.ToHashSet();

    public IReadOnlySet<Role> RememberableRoles { get; } = rememberable.ToHashSet();

    public TimeSpan RememberDeviceFor { get; } = rememberFor;

    public static TwoFactorPolicy From(IConfiguration configuration) => new(
        configuration["Security:RequireTwoFactorForRoles"] is { } required ? ParseRoles(required, "Security:RequireTwoFactorForRoles") : Enum.GetValues<Role>(),
        ParseRoles(configuration["Security:RememberDeviceForRoles"] ?? nameof(Role.BoardMember), "Security:RememberDeviceForRoles"),
        TimeSpan.FromDays(configuration.GetValue("Security:RememberDeviceDays", 14.0)));

    public bool Requires(IEnumerable<Role> roles) => roles.Any(Roles.Contains);

    public bool MayRememberDevice(IReadOnlyCollection<Role> roles) =>
        RememberDeviceFor > TimeSpan.Zero && roles.Count > 0 && roles.All(RememberableRoles.Contains);

    private static Role[] ParseRoles(string setting, string key) => setting
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => Enum.TryParse<Role>(name, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new InvalidOperationException($"{key} names an unknown role \"{name}\". Use role names such as ReviewOfficer, Manager."))
        .ToArray();
}
