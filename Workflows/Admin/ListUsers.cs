using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

public sealed record UserFilter(string? Search = null, Role? Role = null);

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<Role> Roles, IReadOnlyList<string> Organisations,
    DateTime CreatedAtUtc, bool IsDisabled);

/// The accounts list for administrators: searched by email or name, filtered by role, sorted and paged in the database.
public sealed class ListUsersQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<UserRow>>> HandleAsync(Actor actor, UserFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "list user accounts", ct) is { } refused)
        {
            return refused;
        }

        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Identity's normalised (upper-cased) email, and the lower-cased name: the same on SQLite and PostgreSQL.
            var term = filter.Search.Trim();
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            q = q.Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || u.DisplayName.ToLower().Contains(lower));
        }

        if (filter.Role is Role role)
        {
            var roleName = role.ToString();
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleName)));
        }

        var total = await q.CountAsync(ct);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(UserRow.Email), false) => q.OrderBy(u => u.NormalizedEmail),
            (nameof(UserRow.Email), true) => q.OrderByDescending(u => u.NormalizedEmail),
            (nameof(UserRow.CreatedAtUtc), false) => q.OrderBy(u => u.CreatedAtUtc),
            (nameof(UserRow.CreatedAtUtc), true) => q.OrderByDescending(u => u.CreatedAtUtc),
            (_, true) => q.OrderByDescending(u => u.DisplayName),
            _ => q.OrderBy(u => u.DisplayName),
        };
        var users = await ordered.ThenBy(u => u.Id).Skip(page.Skip).Take(page.Size)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAtUtc, u.IsDisabled })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToArray();
        var roles = await AccountRules.RolesOfAsync(db, ids, ct);
        var memberships = await AccountRules.MembershipsOfAsync(db, ids, null, ct);
        var items = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? string.Empty, roles[u.Id].Order().ToList(),
            memberships[u.Id].Select(m => m.Name).ToList(), u.CreatedAtUtc, u.IsDisabled)).ToList();
        return new PagedResult<UserRow>(items, total);
    }
}
