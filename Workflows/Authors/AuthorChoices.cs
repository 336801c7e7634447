using Domain;
using Domain.Access;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

public sealed record AuthorChoice(string UserId, string Name, string? Specialisms, string? Areas, string? Availability);

/// The directory entries an officer can send an expression of interest to or appoint: active accounts only.
public sealed class AuthorChoicesQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<AuthorChoice>>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AuthorDirectory", null, null, "list authors to choose from", ct);
            return new AccessRefused("the directory of independent authors");
        }

        return await Choosable(db).OrderBy(p => p.Name)
            .Select(p => new AuthorChoice(p.UserId, p.Name, p.Specialisms, p.Areas, p.Availability)).ToListAsync(ct);
    }

    /// Directory entries whose account is active and still has the IndependentAuthor role.
    internal static IQueryable<AuthorProfile> Choosable(IReviewDb db) =>
        from p in db.AuthorProfiles.AsNoTracking()
        where ChairAuthors.Active(db).Any(u => u.Id == p.UserId)
        select p;
}
