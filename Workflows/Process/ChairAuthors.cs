using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Process;

public sealed record AuthorOption(string UserId, string Name, string Email);

/// The independent chairs/authors an officer can appoint: active accounts with the role. The engine checks the
/// same list when the appointment is recorded.
public sealed class ChairAuthorsQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<AuthorOption>>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "User", null, null, "list chairs/authors", ct);
            return new AccessRefused("the list of chairs/authors");
        }

        return await Active(db).OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new AuthorOption(u.Id, u.DisplayName, u.Email ?? string.Empty)).ToListAsync(ct);
    }

    internal static IQueryable<PortalUser> Active(IReviewDb db) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join role in db.Roles on ur.RoleId equals role.Id
        where !u.IsDisabled && role.Name == nameof(Role.IndependentAuthor)
        select u;
}
