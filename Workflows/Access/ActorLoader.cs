using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

/// An account as the account gate needs it: who it is and what it may do (the Actor), and what it must still do
/// before anything else (turn on two-factor authentication, replace a temporary password).
public sealed record SignedInAccount(Actor Actor, bool TwoFactorEnabled, bool MustChangePassword)
{
    /// No account, or a disabled one: it can do nothing.
    public static SignedInAccount None { get; } = new(Actor.Anonymous, false, false);

    public bool Exists => Actor.UserId.Length > 0;
}

public static class ActorLoader
{
    /// Tags the first query of each load, so that a count of the database's commands can tell the person's loads apart.
    public const string Tag = "Load the signed-in person";

    /// Loads roles and memberships fresh, so that removing a role or membership takes effect on the next request.
    /// A disabled or unknown account is Anonymous: it can do nothing.
    public static async Task<Actor> LoadAsync(IReviewDb db, string? userId, CancellationToken ct = default) =>
        (await LoadAccountAsync(db, userId, ct)).Actor;

    /// As LoadAsync, with the account's two-factor state and temporary-password flag read in the same query.
    public static async Task<SignedInAccount> LoadAccountAsync(IReviewDb db, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return SignedInAccount.None;
        }

        var user = await db.Users.AsNoTracking().TagWith(Tag)
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.TwoFactorEnabled, u.MustChangePassword })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return SignedInAccount.None;
        }

        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId
                               select r.Name).ToListAsync(ct);
        var memberships = await (from m in db.Memberships
                                 join o in db.Organisations on m.OrganisationId equals o.Id
                                 where m.UserId == userId && o.IsActive
                                 select new { o.Id, o.Kind }).ToListAsync(ct);

        var roles = roleNames.Select(n => Enum.TryParse<Role>(n, out var role) ? role : (Role?)null)
            .OfType<Role>().ToHashSet();
        var agencyIds = memberships.Where(m => m.Kind == OrganisationKind.Agency).Select(m => m.Id).ToHashSet();
        var actor = new Actor(
            user.Id,
            user.Email ?? string.Empty,
            roles,
            memberships.Where(m => m.Kind == OrganisationKind.ReviewOffice).Select(m => m.Id).ToHashSet(),
            agencyIds)
        {
            AgencyWork = roles.Contains(Role.AgencyContact) && agencyIds.Count > 0 ? await AgencyWorkAsync(db, agencyIds, ct) : [],
        };
        return new SignedInAccount(actor, user.TwoFactorEnabled, user.MustChangePassword);
    }

    /// For each of an agency contact's agencies: the active review offices that work with it, and those that show all
    /// their work for it to the agency's whole team.
    private static async Task<IReadOnlyList<AgencyWork>> AgencyWorkAsync(IReviewDb db, HashSet<int> agencyIds, CancellationToken ct)
    {
        var rows = await (from ao in db.AgencyOffices
                          join o in db.Organisations on ao.OfficeId equals o.Id
                          where agencyIds.Contains(ao.AgencyId) && o.IsActive
                          select new { ao.AgencyId, ao.OfficeId, o.SharesWithAgencyTeams }).ToListAsync(ct);
        return agencyIds.Select(a => new AgencyWork(a,
                rows.Where(r => r.AgencyId == a).Select(r => r.OfficeId).ToHashSet(),
                rows.Where(r => r.AgencyId == a && r.SharesWithAgencyTeams).Select(r => r.OfficeId).ToHashSet()))
            .ToList();
    }
}
