using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

public sealed record PastReview(int ReviewId, string Reference, string CaseLabel, AppointmentRole Role, long FeePence, DateOnly AppointedOn,
    DateOnly? EndedOn, string? EndReason);

public sealed record AuthorDetails(AuthorProfile Profile, bool AccountActive, bool PasswordSet, IReadOnlyList<PastReview> Reviews);

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
