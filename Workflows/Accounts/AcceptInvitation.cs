using Domain;
using Domain.Access;
using Domain.Accounts;
using Domain.Audit;
using Domain.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Accounts;

public sealed record InvitationUnusable(string Reason) : Error(Reason);

public sealed record ValidInvitation(string UserId, string Email);

/// The link in an invitation email: it works once, until it expires, and only while it is the newest one.
public sealed class AcceptInvitationHandler(IReviewDbFactory dbs, IServiceScopeFactory scopes, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<ValidInvitation>> CheckAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (invitation, error) = await FindAsync(db, token, ct);
        return invitation is null ? error! : invitation;
    }

    /// Sets the first password and uses up the link. The caller signs the person in.
    public async Task<Result<ValidInvitation>> AcceptAsync(string? token, string password, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (found, error) = await FindAsync(db, token, ct);
        if (found is null)
        {
            return error!;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(found.UserId);
        if (user is null)
        {
            return new NotFound("The account");
        }

        var errors = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange(AccountRules.Describe((await validator.ValidateAsync(users, user, password)).Errors).Select(e => e with { Field = "Password" }));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        // Claim the link first with a conditional update, so that two submissions cannot both use it.
        var hash = Invitations.Hash(token!);
        var now = clock.UtcNow;
        var claimed = await db.Invitations
            .Where(i => i.TokenHash == hash && i.UsedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAtUtc, now), ct);
        if (claimed == 0)
        {
            return Used;
        }

        user.EmailConfirmed = true;
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            await db.Invitations.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAtUtc, (DateTime?)null), ct);
            return new ValidationFailed(AccountRules.Describe(added.Errors).Select(e => e with { Field = "Password" }).ToList());
        }

        var self = new Actor(user.Id, user.Email ?? string.Empty, new HashSet<Role>(), new HashSet<int>(), new HashSet<int>());
        audit.Add(db, self, AuditAction.Changed, "User", user.Id, detail: "Invitation accepted: password set");
        await db.SaveChangesAsync(ct);
        return found;
    }

    private static InvitationUnusable Used { get; } = new(
        "This invitation link has already been used. If you set your password, sign in with your email address and password; "
        + "if not, ask the person who invited you for a new invitation.");

    private async Task<(ValidInvitation? Invitation, Error? Error)> FindAsync(IReviewDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, NotValid);
        }

        var hash = Invitations.Hash(token);
        var row = await (from i in db.Invitations.AsNoTracking()
                         join u in db.Users on i.UserId equals u.Id
                         where i.TokenHash == hash
                         select new { Invitation = i, u.Email, u.IsDisabled }).SingleOrDefaultAsync(ct);
        var now = clock.UtcNow;
        return row switch
        {
            null => (null, NotValid),
            { Invitation.UsedAtUtc: not null } => (null, Used),
            { Invitation.RevokedAtUtc: not null } => (null, new InvitationUnusable(
                "This invitation link has been replaced by a newer one. Use the link in the most recent invitation email, "
                + "or ask the person who invited you to send it again.")),
            _ when now >= row.Invitation.ExpiresAtUtc => (null, new InvitationUnusable(
                $"This invitation expired on {UkDate.Format(row.Invitation.ExpiresAtUtc)}. "
                + "Ask the person who invited you for a new invitation.")),
            { IsDisabled: true } => (null, new InvitationUnusable(
                "This account has been disabled, so the invitation cannot be used. Ask your administrator if you need access.")),
            _ => (new ValidInvitation(row.Invitation.UserId, row.Email ?? string.Empty), null),
        };
    }

    private static InvitationUnusable NotValid { get; } = new(
        "This invitation link is not valid: check that you copied the whole link from the email, or ask the person who invited you for a new invitation.");
}
