using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

/// Disables or enables an account. A disabled account cannot sign in, has no access on its next request (ActorLoader),
/// and its open pages end at once in this process (others' at their next revalidation, as its security stamp changes).
public sealed class SetUserDisabledHandler(IReviewDbFactory dbs, IAccountWorkHandover work, AuditLog audit, IOpenSessions sessions)
{
    public async Task<Result<ChangedUser>> HandleAsync(Actor actor, string userId, bool disabled, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var attempted = disabled ? "disable a user account" : "enable a user account";
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", userId, attempted, ct) is { } refused)
        {
            return refused;
        }

        if (disabled && userId == actor.UserId)
        {
            return new Error("You cannot disable your own account: ask another administrator, so that someone can always manage accounts.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new NotFound("The account");
        }

        if (user.IsDisabled == disabled)
        {
            return new ChangedUser(user.Id, user.ConcurrencyStamp ?? string.Empty);
        }

        user.IsDisabled = disabled;
        if (disabled)
        {
            await work.ReturnWorkToTeamQueueAsync(db, actor, user.Id, ct);
        }

        audit.Add(db, actor, AuditAction.Changed, "User", user.Id, detail: disabled ? "Disabled" : "Enabled");
        // Enabling renews the security stamp too, as it always has: nothing issued while the account was disabled stays valid.
        return await AccountSaves.SaveAsync(db, sessions, user, accessChanged: true, ct)
            ? new ChangedUser(user.Id, user.ConcurrencyStamp!)
            : new Conflict("This account");
    }
}
