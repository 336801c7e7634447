using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Themes;

public sealed record DisseminationInput(DisseminationKind? Kind, string? Audience, DateOnly? HeldOn, int? Attendance);

public sealed record DisseminationView(long Id, DisseminationKind Kind, string Audience, DateOnly HeldOn, int? Attendance, DateTime RecordedAtUtc, string By);

/// The review's dissemination log, newest first, and whether the reader may add to it.
public sealed record DisseminationLogView(IReadOnlyList<DisseminationView> Entries, bool CanChange, DateOnly Notified);

/// Where a review's learning was shared (issue 18). The same access as its themes and case updates (ReviewThemesHandler):
/// readers of the review see the log; the lead office's staff add to it.
public sealed class DisseminationLogHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<DisseminationLogView>> GetAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "DisseminationLog", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, "view dissemination log", ct);
            return new AccessRefused("this review");
        }

        var entries = await (from e in db.DisseminationEntries.AsNoTracking()
                             where e.ReviewId == reviewId
                             join p in db.Users on e.ByUserId equals p.Id into people
                             from p in people.DefaultIfEmpty()
                             orderby e.HeldOn descending, e.Id descending
                             select new DisseminationView(e.Id, e.Kind, e.Audience, e.HeldOn, e.Attendance, e.RecordedAtUtc, p == null ? "Unknown" : p.DisplayName))
            .ToListAsync(ct);
        var notified = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.DateNotified).SingleAsync(ct);
        return new DisseminationLogView(entries, access.CanChange && actor.IsOfficeStaff, notified);
    }

    public async Task<Result<long>> AddAsync(Actor actor, int reviewId, DisseminationInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanChange || !actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "DisseminationLog", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, "add to dissemination log", ct);
            return new AccessRefused("changes to this review");
        }

        var review = await db.Reviews.Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.DateNotified }).SingleAsync(ct);
        var errors = DisseminationEntry.Validate(input.Kind, input.Audience, input.HeldOn, input.Attendance, review.DateNotified, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var entry = new DisseminationEntry
        {
            ReviewId = reviewId, Kind = input.Kind!.Value, Audience = input.Audience!.Trim(), HeldOn = input.HeldOn!.Value, Attendance = input.Attendance,
            RecordedAtUtc = clock.UtcNow, ByUserId = actor.UserId,
        };
        db.DisseminationEntries.Add(entry);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, "DisseminationLog", entry.Id.ToString(CultureInfo.InvariantCulture), reviewId, review.Reference,
            $"learning shared: {DisseminationEntry.Describe(entry.Kind)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return entry.Id;
    }
}
