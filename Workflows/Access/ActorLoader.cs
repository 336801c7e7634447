using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

public static class ActorLoader
{
    /// Loads roles and memberships fresh, so that removing a role or membership takes effect on the next request.
    /// A disabled or unknown account is Anonymous: it can do nothing.
    public static async Task<Actor> LoadAsync(IReviewDb db, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return Actor.Anonymous;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return Actor.Anonymous;
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
        return new Actor(
            user.Id,
            user.Email ?? string.Empty,
            roles,
            memberships.Where(m => m.Kind == OrganisationKind.ReviewOffice).Select(m => m.Id).ToHashSet(),
            memberships.Where(m => m.Kind == OrganisationKind.Agency).Select(m => m.Id).ToHashSet());
    }
}
