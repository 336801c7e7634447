using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Accounts;

/// Saving a change an administrator made to an account, in one place: the account gets a new version (the
/// ConcurrencyStamp a page saw), and where what it may do changed, a new security stamp before the save and its open
/// pages in this process ended after it.
public static class AccountSaves
{
    /// False when someone else changed the account meanwhile: the version no longer matched
    /// (DbUpdateConcurrencyException), or another administrator added the same row (a membership, a role) a moment ago.
    public static async Task<bool> SaveAsync(IReviewDb db, IOpenSessions sessions, PortalUser user, bool accessChanged, CancellationToken ct)
    {
        if (accessChanged)
        {
            SecurityStamps.Renew(user);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false;
        }

        if (accessChanged)
        {
            sessions.End(user.Id);
        }

        return true;
    }
}
