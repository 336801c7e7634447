using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Conduct;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Conduct;

public sealed record InterviewView(long Id, string Interviewee, IntervieweeGroup Group, DateOnly HeldOn, InterviewKind Kind, InterviewConsent Consent,
    string? NotSoughtReason, InterviewConductor ConductedBy, DateTime RecordedAtUtc, string By);

/// One page of a review's interview log, newest interview first; Page counts from 1.
public sealed record InterviewPage(IReadOnlyList<InterviewView> Entries, int Page, int PageCount, int Total)
{
    public const int Size = 10;
}

public sealed record RecordInterview(int ReviewId, InterviewInput Input);

/// Adds an interview to a review's log (ConductAccess: the lead office, from panel and report writing onwards). The audit
/// names the group and the date, never the interviewee's description or the reason.
public sealed class RecordInterviewHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<long>> HandleAsync(Actor actor, RecordInterview command, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ConductAccess.CheckRecordAsync(db, audit, actor, command.ReviewId, "record an interview", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var review = checkedAccess.Value;

        var input = command.Input;
        var errors = InterviewRules.Validate(input, review.Notified, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var entry = new InterviewEntry
        {
            ReviewId = command.ReviewId, Interviewee = atRest.Protect(AtRest.InterviewInterviewee, FindingsRules.Clean(input.Interviewee))!,
            Group = input.Group!.Value, HeldOn = input.HeldOn!.Value, Kind = input.Kind!.Value, Consent = input.Consent!.Value,
            NotSoughtReason = input.Consent == InterviewConsent.NotSought
                ? atRest.Protect(AtRest.InterviewNotSoughtReason, FindingsRules.Clean(input.NotSoughtReason))
                : null,
            ConductedBy = input.ConductedBy!.Value, RecordedAtUtc = clock.UtcNow, ByUserId = actor.UserId,
        };
        db.Interviews.Add(entry);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, ConductAccess.Subject, command.ReviewId.ToString(CultureInfo.InvariantCulture), command.ReviewId,
            review.Reference, $"interview: {InterviewEntry.Describe(entry.Group).ToLowerInvariant()}, {Domain.Calendar.UkDate.Format(entry.HeldOn)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return entry.Id;
    }

    /// One page of the log, newest interview first (then the latest recorded); a page past the end shows the last.
    internal static async Task<InterviewPage> LoadAsync(IReviewDb db, AtRest atRest, int reviewId, int page, CancellationToken ct)
    {
        var all = db.Interviews.AsNoTracking().Where(i => i.ReviewId == reviewId);
        var total = await all.CountAsync(ct);
        var pageCount = Math.Max(1, (total + InterviewPage.Size - 1) / InterviewPage.Size);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await (from i in all
                          join p in db.Users on i.ByUserId equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          orderby i.HeldOn descending, i.Id descending
                          select new { i, By = p == null ? "Unknown" : p.DisplayName })
            .Skip((page - 1) * InterviewPage.Size).Take(InterviewPage.Size).ToListAsync(ct);
        return new InterviewPage(rows.Select(r => new InterviewView(r.i.Id, atRest.Unprotect(AtRest.InterviewInterviewee, r.i.Interviewee)!, r.i.Group,
            r.i.HeldOn, r.i.Kind, r.i.Consent, atRest.Unprotect(AtRest.InterviewNotSoughtReason, r.i.NotSoughtReason), r.i.ConductedBy, r.i.RecordedAtUtc,
            r.By)).ToList(), page, pageCount, total);
    }
}
