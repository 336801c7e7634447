using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Process;

namespace Workflows.Authors;

/// Who can be chosen as an independent chair/author: an active account with the role. The one answer to that
/// question: the directory's choices (AuthorChoicesQuery), expressions of interest, a new directory entry and the
/// engine's check of an appointment (IChairAuthorAccounts) all read it.
public sealed class ChairAuthors : IChairAuthorAccounts
{
    public Task<bool> IsActiveAsync(IReviewDb db, string userId, CancellationToken ct) => Active(db).AnyAsync(u => u.Id == userId, ct);

    internal static IQueryable<PortalUser> Active(IReviewDb db) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join role in db.Roles on ur.RoleId equals role.Id
        where !u.IsDisabled && role.Name == nameof(Role.IndependentAuthor)
        select u;
}
