using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Authors;

public sealed record EoiReplyRow(string UserId, string Name, bool Replied, bool? Interested, string? Availability, long? QuotePence, string? Conflicts,
    DateTime? RepliedAtUtc);

public sealed record EoiSummary(long Id, string Summary, DateOnly ClosesOn, EoiStatus Status, DateTime SentAtUtc, IReadOnlyList<EoiReplyRow> Replies);

public sealed record AppointmentRow(long Id, string UserId, string Name, AppointmentRole Role, long FeePence, DateOnly AppointedOn, DateOnly? EndedOn,
    string? EndReason);

public sealed record CommissioningView(int ReviewId, string Reference, string CaseLabel, Stage Stage, int Version, bool CanChange, bool MayCommission,
    IReadOnlyList<EoiSummary> Eois, IReadOnlyList<AppointmentRow> Appointments);

/// The commissioning section of a review for office staff who may read it: expressions of interest with the replies
/// side by side, and appointments (current and ended).
public sealed class CommissioningQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<CommissioningView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = actor.IsOfficeStaff ? await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct) : CaseAccess.None;
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view commissioning", ct);
            return new AccessRefused("this review's commissioning");
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
        var names = db.AuthorProfiles.AsNoTracking();
        var eois = await db.ExpressionsOfInterest.AsNoTracking().Include(e => e.Recipients).Where(e => e.ReviewId == reviewId)
            .OrderByDescending(e => e.SentAtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        var userIds = eois.SelectMany(e => e.Recipients.Select(x => x.UserId)).ToList();
        var appointments = await db.AuthorAppointments.AsNoTracking().Where(a => a.ReviewId == reviewId)
            .OrderBy(a => a.EndedOn != null).ThenByDescending(a => a.AppointedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        userIds.AddRange(appointments.Select(a => a.UserId));
        var nameOf = await NamesAsync(db, userIds, ct);
        audit.Add(db, actor, AuditAction.Viewed, "Review", reviewId.ToString(), reviewId, review.Reference, "commissioning: expressions of interest and appointments");
        await db.SaveChangesAsync(ct);

        return new CommissioningView(review.Id, review.Reference, review.CaseLabel, review.Stage, review.Version, access.CanChange && actor.Is(Role.ReviewOfficer),
            Commissioning.MayCommission(review),
            eois.Select(e => new EoiSummary(e.Id, e.Summary, e.ClosesOn, e.Status, e.SentAtUtc,
                e.Recipients.Select(x => new EoiReplyRow(x.UserId, nameOf(x.UserId), x.RepliedAtUtc is not null, x.Interested, x.Availability, x.QuotePence,
                    x.Conflicts, x.RepliedAtUtc)).OrderBy(x => x.Name).ToList())).ToList(),
            appointments.Select(a => new AppointmentRow(a.Id, a.UserId, nameOf(a.UserId), a.Role, a.FeePence, a.AppointedOn, a.EndedOn, a.EndReason)).ToList());
    }

    /// The directory name, or the account's display name for an author without an entry.
    internal static async Task<Func<string, string>> NamesAsync(IReviewDb db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var profiles = await db.AuthorProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return id => profiles.GetValueOrDefault(id) ?? users.GetValueOrDefault(id) ?? "Unknown account";
    }
}
