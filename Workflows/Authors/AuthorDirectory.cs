using Domain;
using Domain.Access;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

public sealed record AuthorRow(
    int Id, string UserId, string Name, string Email, string? Specialisms, string? Areas, DateOnly? DbsCheckedOn, string? Availability,
    long? DayRatePence, long? ReviewFeePence, int PastReviews, bool AccountActive);

/// The directory of independent chairs/authors: office staff (officers and managers) only. Past reviews are
/// counted from appointments, never typed in.
public sealed class AuthorDirectoryQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<AuthorRow>>> HandleAsync(Actor actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AuthorDirectory", null, null, "list the author directory", ct);
            return new AccessRefused("the directory of independent authors");
        }

        var profiles = db.AuthorProfiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            profiles = profiles.Where(p => p.SearchText.Contains(term));
        }

        var total = await profiles.CountAsync(ct);
        var items = await Ordered(db, profiles, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Size)
            .Select(p => new AuthorRow(
                p.Id, p.UserId, p.Name, p.Email, p.Specialisms, p.Areas, p.DbsCheckedOn, p.Availability, p.DayRatePence, p.ReviewFeePence,
                db.AuthorAppointments.Count(a => a.UserId == p.UserId),
                db.Users.Any(u => u.Id == p.UserId && !u.IsDisabled)))
            .ToListAsync(ct);
        return new PagedResult<AuthorRow>(items, total);
    }

    private static IOrderedQueryable<AuthorProfile> Ordered(IReviewDb db, IQueryable<AuthorProfile> rows, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(AuthorRow.DbsCheckedOn), false) => rows.OrderBy(r => r.DbsCheckedOn).ThenBy(r => r.Name),
        (nameof(AuthorRow.DbsCheckedOn), true) => rows.OrderByDescending(r => r.DbsCheckedOn).ThenBy(r => r.Name),
        (nameof(AuthorRow.DayRatePence), false) => rows.OrderBy(r => r.DayRatePence).ThenBy(r => r.Name),
        (nameof(AuthorRow.DayRatePence), true) => rows.OrderByDescending(r => r.DayRatePence).ThenBy(r => r.Name),
        (nameof(AuthorRow.ReviewFeePence), false) => rows.OrderBy(r => r.ReviewFeePence).ThenBy(r => r.Name),
        (nameof(AuthorRow.ReviewFeePence), true) => rows.OrderByDescending(r => r.ReviewFeePence).ThenBy(r => r.Name),
        (nameof(AuthorRow.PastReviews), false) => rows.OrderBy(r => db.AuthorAppointments.Count(a => a.UserId == r.UserId)).ThenBy(r => r.Name),
        (nameof(AuthorRow.PastReviews), true) => rows.OrderByDescending(r => db.AuthorAppointments.Count(a => a.UserId == r.UserId)).ThenBy(r => r.Name),
        (nameof(AuthorRow.Email), false) => rows.OrderBy(r => r.Email),
        (nameof(AuthorRow.Email), true) => rows.OrderByDescending(r => r.Email),
        (_, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
    };
}
