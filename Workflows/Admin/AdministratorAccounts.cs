using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Admin;

/// One administrator as the `admin list` command shows it. LockedOutUntilUtc is set while sign-in is locked after
/// failed attempts; Invited: no password set yet (the invitation link has not been used).
public sealed record AdministratorAccount(string Id, string Email, string DisplayName, bool Disabled, DateTime? LockedOutUntilUtc,
    bool Invited, bool TwoFactor);

/// The portal's administrators, for whoever runs the portal's commands on the server. Every read is audited.
public sealed class ListAdministratorsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<AdministratorAccount>>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "list the administrators", ct) is { } refused)
        {
            return refused;
        }

        var now = clock.Time.GetUtcNow();
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == nameof(Role.Administrator)
                          orderby u.Email
                          select new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, Invited = u.PasswordHash == null, u.TwoFactorEnabled })
            .ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Viewed, "User", detail: $"Listed the administrators ({rows.Count})");
        await db.SaveChangesAsync(ct);
        return rows.Select(u => new AdministratorAccount(u.Id, u.Email!, u.DisplayName, u.IsDisabled,
            u.LockoutEnd > now ? u.LockoutEnd.Value.UtcDateTime : null, u.Invited, u.TwoFactorEnabled)).ToList();
    }
}

/// Whether `admin enable` changed anything: an administrator already able to sign in is left as they were.
public sealed record EnabledAdministrator(string Id, string Email, bool WasDisabled, bool WasLockedOut);

/// Lets a disabled or locked-out administrator sign in again: the way back in when no other administrator can help.
/// Administrators only: other accounts are enabled and unlocked on the Users page, by an administrator.
public sealed class EnableAdministratorHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, IOpenSessions sessions)
{
    public async Task<Result<EnabledAdministrator>> HandleAsync(Actor actor, string? email, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "enable an administrator", ct) is { } refused)
        {
            return refused;
        }

        var address = email?.Trim() ?? string.Empty;
        var normalised = address.ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
        if (user is null)
        {
            return new Error($"No account has the email address {address}: check it, or list the administrators with: admin list");
        }

        var administrators = await CreateFirstAdministratorHandler.AdministratorEmailsAsync(db, ct);
        if (!administrators.Contains(user.Email!))
        {
            await audit.RefusedAsync(db, actor, "User", user.Id, null, "enable an account that is not an administrator's", ct);
            return new Error($"{user.Email} is not an administrator: this command enables administrators only. "
                + "An administrator enables other accounts under Users.");
        }

        var lockedOut = user.LockoutEnd > clock.Time.GetUtcNow();
        if (!user.IsDisabled && !lockedOut && user.AccessFailedCount == 0)
        {
            return new EnabledAdministrator(user.Id, user.Email!, false, false);
        }

        var wasDisabled = user.IsDisabled;
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Add(db, actor, AuditAction.Changed, "User", user.Id, detail: (wasDisabled, lockedOut) switch
        {
            (true, true) => "Enabled and unlocked",
            (true, false) => "Enabled",
            (false, true) => "Unlocked",
            _ => "Failed sign-ins reset",
        });
        return await AccountSaves.SaveAsync(db, sessions, user, accessChanged: true, ct)
            ? new EnabledAdministrator(user.Id, user.Email!, wasDisabled, lockedOut)
            : new Conflict("This account");
    }
}
