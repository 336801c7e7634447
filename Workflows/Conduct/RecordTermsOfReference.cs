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

/// One version of the terms of reference as the page shows it (the protected text read back).
public sealed record TermsVersionView(int Number, string Text, DateOnly AgreedOn, string? ChangeReason, bool FamilyInvited, bool? FamilyContributed,
    string? FamilyAsked, string? NotInvitedReason, DateTime RecordedAtUtc, string By);

/// A new version and the number of versions the form was loaded with (0: none then).
public sealed record RecordTermsOfReference(int ReviewId, TermsInput Input, int ExpectedVersions);

/// Records a new version of a review's terms of reference (ConductAccess: the lead office, from panel and report writing
/// onwards); versions are only ever added. The form's count of versions is checked, so a version recorded meanwhile by
/// someone else is not overtaken unseen. The audit names the version, never the text or the family's words.
public sealed class RecordTermsOfReferenceHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<int>> HandleAsync(Actor actor, RecordTermsOfReference command, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ConductAccess.CheckRecordAsync(db, audit, actor, command.ReviewId, "record terms of reference", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var review = checkedAccess.Value;

        var latest = await db.TermsOfReference.AsNoTracking().Where(t => t.ReviewId == command.ReviewId).OrderByDescending(t => t.Number)
            .Select(t => new { t.Number, t.AgreedOn }).FirstOrDefaultAsync(ct);
        if ((latest?.Number ?? 0) != command.ExpectedVersions)
        {
            return new Conflict("The terms of reference of this review");
        }

        var errors = TermsRules.Validate(command.Input, latest?.AgreedOn, latest is null, review.Notified, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var input = command.Input.Cleaned();
        var version = new TermsOfReferenceVersion
        {
            ReviewId = command.ReviewId, Number = (latest?.Number ?? 0) + 1, Text = atRest.Protect(AtRest.TermsText, input.Text)!,
            AgreedOn = input.AgreedOn!.Value, ChangeReason = atRest.Protect(AtRest.TermsChangeReason, input.ChangeReason),
            FamilyInvited = input.FamilyInvited!.Value, FamilyContributed = input.FamilyContributed,
            FamilyAsked = atRest.Protect(AtRest.TermsFamilyAsked, input.FamilyAsked),
            NotInvitedReason = atRest.Protect(AtRest.TermsNotInvitedReason, input.NotInvitedReason), RecordedAtUtc = clock.UtcNow, ByUserId = actor.UserId,
        };
        db.TermsOfReference.Add(version);
        audit.Add(db, actor, AuditAction.Created, ConductAccess.Subject, command.ReviewId.ToString(CultureInfo.InvariantCulture), command.ReviewId,
            review.Reference, $"terms of reference: version {version.Number.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another version with this number was saved at the same moment (the unique index on review and number).
            return new Conflict("The terms of reference of this review");
        }

        return version.Number;
    }

    /// Every version of a review's terms of reference, newest first.
    internal static async Task<IReadOnlyList<TermsVersionView>> LoadAsync(IReviewDb db, AtRest atRest, int reviewId, CancellationToken ct)
    {
        var rows = await (from t in db.TermsOfReference.AsNoTracking()
                          where t.ReviewId == reviewId
                          join p in db.Users on t.ByUserId equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          orderby t.Number descending
                          select new { t, By = p == null ? "Unknown" : p.DisplayName }).ToListAsync(ct);
        return rows.Select(r => new TermsVersionView(r.t.Number, atRest.Unprotect(AtRest.TermsText, r.t.Text)!, r.t.AgreedOn,
            atRest.Unprotect(AtRest.TermsChangeReason, r.t.ChangeReason), r.t.FamilyInvited, r.t.FamilyContributed,
            atRest.Unprotect(AtRest.TermsFamilyAsked, r.t.FamilyAsked), atRest.Unprotect(AtRest.TermsNotInvitedReason, r.t.NotInvitedReason),
            r.t.RecordedAtUtc, r.By)).ToList();
    }
}
