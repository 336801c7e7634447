using Domain;
using Domain.Access;
using Domain.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Admin;

/// The first administrator of a portal that has none (a real deployment starts without the demo data): an account with
/// no password and an invitation, the same as any invited person's, to set one (and two-factor authentication where
/// the role requires it). Emailed when the portal sends email through SMTP, otherwise handed back for the command to
/// print, so that a portal without email can still be started.
public sealed record CreateFirstAdministrator(string? Email, string? DisplayName);

/// Link is set when nobody was emailed (the caller must hand it over); Emailed says the invitation went out now.
public sealed record FirstAdministrator(string Id, string Email, DateTime ExpiresAtUtc, bool Emailed, string? Link, string? EmailError);

public sealed record AdministratorsExist(IReadOnlyList<string> Emails) : Error(
    $"The portal already has {(Emails.Count == 1 ? "an administrator" : $"{Emails.Count} administrators")} ({string.Join(", ", Emails)}): "
    + "they add others under Users. To re-enable a locked-out or disabled administrator, run: admin enable EMAIL");

public sealed class CreateFirstAdministratorHandler(IReviewDbFactory dbs, IServiceScopeFactory scopes, Invitations invitations,
    OutboxDispatcher dispatcher, EmailOptions email, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<FirstAdministrator>> HandleAsync(Actor actor, CreateFirstAdministrator request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "create the first administrator", ct) is { } refused)
        {
            return refused;
        }

        // Disabled administrators count: they are re-enabled, not replaced by a second "first" one.
        var existing = await AdministratorEmailsAsync(db, ct);
        if (existing.Count > 0)
        {
            await audit.RefusedAsync(db, actor, "User", null, null, "create the first administrator: administrators exist", ct);
            return new AdministratorsExist(existing);
        }

        var smtp = email.Transport == EmailTransportKind.Smtp;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        IssuedInvitation? issued = null;
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? "Administrator" : request.DisplayName;
        var created = await NewAccounts.CreateAsync(db, users, new NewAccount(name, request.Email, null, new UserAccess([Role.Administrator], [], [])),
            actor, clock, audit, grants: null, "invitation", async user => issued = await invitations.IssueAsync(db, user, [Role.Administrator], actor, smtp, ct), ct);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var (account, invitation) = (created.Value, issued!);
        if (!smtp)
        {
            return new FirstAdministrator(account.Id, account.Email!, invitation.Invitation.ExpiresAtUtc, false, invitation.Link, null);
        }

        // Sent now rather than by the portal's job server, which may not be running yet (the portal's first start).
        await dispatcher.RunOnceAsync(ct);
        await using var check = await dbs.CreateAsync(ct);
        var message = await check.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientUserId == account.Id && m.Reason == EmailReasons.Invitation)
            .Select(m => new { m.Status, m.LastError }).SingleAsync(ct);
        return message.Status == OutboxStatus.Sent
            ? new FirstAdministrator(account.Id, account.Email!, invitation.Invitation.ExpiresAtUtc, true, null, null)
            // Not sent: the outbox keeps trying once the portal runs, and the link is handed over meanwhile.
            : new FirstAdministrator(account.Id, account.Email!, invitation.Invitation.ExpiresAtUtc, false, invitation.Link, message.LastError);
    }

    internal static Task<List<string>> AdministratorEmailsAsync(IReviewDb db, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == nameof(Role.Administrator)
         orderby u.Email
         select u.Email!).ToListAsync(ct);
}
