using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Accounts;

/// A new link for someone who has not set a password yet; the earlier link stops working.
public sealed class ResendInvitationHandler(IReviewDbFactory dbs, Invitations invitations, AuditLog audit)
{
    public async Task<Result<InvitedUser>> HandleAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        var roles = (await AccountRules.RolesOfAsync(db, [userId], ct))[userId].ToList();
        var offices = await (from m in db.Memberships
                             join o in db.Organisations on m.OrganisationId equals o.Id
                             where m.UserId == userId && o.Kind == Domain.Organisations.OrganisationKind.ReviewOffice
                             select o.Id).ToListAsync(ct);
        if (!Invitations.MayInvite(actor, roles, offices))
        {
            await audit.RefusedAsync(db, actor, "User", userId, null, "send an invitation again", ct);
            return new AccessRefused("inviting this person");
        }

        if (user is null)
        {
            return new NotFound("The account");
        }

        if (user.PasswordHash is not null)
        {
            return new Error("This person has already set a password: they sign in as usual. If they have forgotten it, set a temporary one.");
        }

        if (user.IsDisabled)
        {
            return new Error("This account is disabled: enable it first, then send the invitation again.");
        }

        var invitation = await invitations.IssueAsync(db, user, roles, actor, ct);
        audit.Add(db, actor, AuditAction.Changed, "User", user.Id, detail: "Invitation sent again; the earlier link no longer works");
        await db.SaveChangesAsync(ct);
        return new InvitedUser(user.Id, user.Email!, invitation.ExpiresAtUtc);
    }
}
