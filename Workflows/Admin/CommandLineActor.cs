using Domain.Access;

namespace Workflows.Admin;

/// Whoever runs a portal command on the server (`dotnet Portal.dll admin ...`). They hold the portal's configuration and
/// so its database credentials: they act as an administrator, and the audit trail names the operating-system account
/// they ran it as, since there is no portal account behind them.
public static class CommandLineActor
{
    public static Actor Create(string command) => new(
        string.Empty,
        Truncate($"command line: {command} ({Environment.UserName}@{Environment.MachineName})"),
        new HashSet<Role> { Role.Administrator },
        new HashSet<int>(),
        new HashSet<int>());

    // The audit trail keeps 256 characters of who acted.
    private static string Truncate(string who) => who.Length <= 256 ? who : who[..256];
}
