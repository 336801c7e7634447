using System.Security.Cryptography;
using Workflows.Data;

namespace Workflows.Accounts;

/// The open interactive sessions (Blazor circuits) of accounts in this process. A change to what an account may do
/// ends them at once, so that a page open since before the change does not go on showing or doing what it no longer
/// may. Other processes end theirs at their next revalidation (Security:SessionRevalidation), by the security stamp.
public interface IOpenSessions
{
    void End(string userId);
}

/// Where no interactive sessions run (a host without the Portal, e.g. the benchmarks).
internal sealed class NoOpenSessions : IOpenSessions
{
    public void End(string userId)
    {
    }
}

public static class SecurityStamps
{
    /// A new security stamp: every sign-in cookie and "remembered device" issued before it stops working (at once for
    /// remembered devices, at the next revalidation for cookies), so the person signs in again with what they may now do.
    public static void Renew(PortalUser user) => user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
