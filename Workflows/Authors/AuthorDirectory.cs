using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

public sealed record AuthorRow(
    int Id, string UserId, string Name, string Email, string? Specialisms, string? Areas, DateOnly? DbsCheckedOn, string? Availability,
    long? DayRatePence, long? ReviewFeePence, int PastReviews, bool AccountActive);

public sealed record PastReview(int ReviewId, string Reference, string CaseLabel, AppointmentRole Role, long FeePence, DateOnly AppointedOn,
    DateOnly? EndedOn, string? EndReason);

public sealed record AuthorDetails(AuthorProfile Profile, bool AccountActive, bool PasswordSet, IReadOnlyList<PastReview> Reviews);

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

/// One directory entry with the reviews the person was appointed to (office staff only; the view is audited).
public sealed class GetAuthorProfileHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<AuthorDetails>> HandleAsync(Actor actor, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AuthorProfile", profileId.ToString(), null, "view an author's entry", ct);
            return new AccessRefused("the directory of independent authors");
        }

        var profile = await db.AuthorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return new NotFound("The directory entry");
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == profile.UserId)
            .Select(u => new { Active = !u.IsDisabled, PasswordSet = u.PasswordHash != null }).SingleAsync(ct);
        var reviews = await (from a in db.AuthorAppointments.AsNoTracking()
                             join r in db.Reviews on a.ReviewId equals r.Id
                             where a.UserId == profile.UserId
                             orderby a.AppointedOn descending, a.Id descending
                             select new PastReview(r.Id, r.Reference, r.CaseLabel, a.Role, a.FeePence, a.AppointedOn, a.EndedOn, a.EndReason)).ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Viewed, "AuthorProfile", profile.Id.ToString(), detail: "author directory entry");
        await db.SaveChangesAsync(ct);
        return new AuthorDetails(profile, account.Active, account.PasswordSet, reviews);
    }
}

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
        where Process.ChairAuthorsQuery.Active(db).Any(u => u.Id == p.UserId)
        select p;
}
