using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;

namespace Workflows.Admin;

/// For someone who lost the phone with their authenticator app (issue 13): an administrator turns their two-factor
/// authentication off and removes its key and recovery codes, so that they set up a new app when they next sign in with
/// their password (at once, where their role needs it). Their sessions and remembered devices end (a new security stamp;
/// open pages in this process at once), the person is told by email (no name, only what they can do), and it is audited.
/// Not for an administrator's own account: that would let one who had taken over a password drop the second factor.
public sealed class ResetUserAuthenticatorHandler(IReviewDbFactory dbs, IOutbox outbox, EmailOptions email, AuditLog audit, IOpenSessions sessions)
{
    public const string EmailReason = "AuthenticatorReset";

    /// Identity's own names for the authenticator key and the recovery codes (UserStore), and the portal's for the last
    /// code used (SingleUseAuthenticatorTokenProvider).
    private static readonly (string Provider, string Name)[] Tokens =
        [("[AspNetUserStore]", "AuthenticatorKey"), ("[AspNetUserStore]", "RecoveryCodes"), ("[ReviewPortal]", "LastAuthenticatorStep")];

    public async Task<Result<ChangedUser>> HandleAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", userId, "reset a person's authenticator app", ct) is { } refused)
        {
            return refused;
        }

        if (userId == actor.UserId)
        {
            return new Error("You cannot reset your own authenticator app here: use My account, or ask another administrator.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new NotFound("The account");
        }

        var tokens = await db.UserTokens.Where(t => t.UserId == userId).ToListAsync(ct);
        var authenticator = tokens.Where(t => Tokens.Contains((t.LoginProvider, t.Name))).ToList();
        if (!user.TwoFactorEnabled && authenticator.Count == 0)
        {
            return new Error("This person has no authenticator app set up: there is nothing to reset.");
        }

        user.TwoFactorEnabled = false;
        db.UserTokens.RemoveRange(authenticator);
        audit.Add(db, actor, AuditAction.Changed, "User", user.Id,
            detail: "Authenticator app reset by an administrator: two-factor authentication off, key and recovery codes removed, sessions ended");
        if (user.Email is not null)
        {
            await outbox.EnqueueAsync(db, new OutgoingEmail(user.Email, user.Id, EmailReason, Guid.NewGuid().ToString("N"), EmailReason,
                new Dictionary<string, string>
                {
                    ["Link"] = email.LinkTo("Account/Login"),
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }), ct);
        }

        // A new security stamp: every session and remembered device of the account ends, here at once.
        return await AccountSaves.SaveAsync(db, sessions, user, accessChanged: true, ct)
            ? new ChangedUser(user.Id, user.ConcurrencyStamp!)
            : new Conflict("This account");
    }
}
