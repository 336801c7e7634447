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

/// The findings as the page shows them. Version 0: none recorded yet.
public sealed record FindingsView(FindingAnswer? Predictable, string? PredictableWords, FindingAnswer? Preventable, string? PreventableWords,
    DateOnly? ReportDated, int Version, DateTime? UpdatedAtUtc, string? UpdatedBy);

/// The form's findings and the version it was loaded at (0: none recorded then).
public sealed record SaveFindings(int ReviewId, FindingsInput Input, int ExpectedVersion);

/// Records whether the death was judged predictable and preventable (ConductAccess: the lead office, from panel and report
/// writing onwards). Every field is checked first and nothing is saved on an error; a version check refuses a form loaded
/// before someone else's change. The audit names what changed, never the answers or the words.
public sealed class SaveFindingsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<int>> HandleAsync(Actor actor, SaveFindings command, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ConductAccess.CheckRecordAsync(db, audit, actor, command.ReviewId, "record findings", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var review = checkedAccess.Value;

        var row = await db.ReviewFindings.SingleOrDefaultAsync(f => f.ReviewId == command.ReviewId, ct);
        if ((row?.Version ?? 0) != command.ExpectedVersion)
        {
            return new Conflict("The findings of this review");
        }

        var input = command.Input;
        var errors = FindingsRules.Validate(input, review.Notified, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var old = row is null ? null : Read(row);
        var now = input with { PredictableWords = FindingsRules.Clean(input.PredictableWords), PreventableWords = FindingsRules.Clean(input.PreventableWords) };
        var changed = Changes(old, now);
        if (changed.Count == 0)
        {
            return row?.Version ?? 0;
        }

        if (row is null)
        {
            row = new ReviewFindings { ReviewId = command.ReviewId, UpdatedByUserId = actor.UserId };
            db.ReviewFindings.Add(row);
        }

        row.Predictable = now.Predictable;
        row.PredictableWords = atRest.Protect(AtRest.FindingsPredictableWords, now.PredictableWords);
        row.Preventable = now.Preventable;
        row.PreventableWords = atRest.Protect(AtRest.FindingsPreventableWords, now.PreventableWords);
        row.ReportDated = now.ReportDated;
        row.UpdatedAtUtc = clock.UtcNow;
        row.UpdatedByUserId = actor.UserId;
        row.Version++;
        audit.Add(db, actor, AuditAction.Changed, ConductAccess.Subject, command.ReviewId.ToString(CultureInfo.InvariantCulture), command.ReviewId,
            review.Reference, "findings: " + string.Join(", ", changed));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (command.ExpectedVersion == 0)
        {
            // Two first saves at once: the other one made the row.
            return new Conflict("The findings of this review");
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("The findings of this review");
        }

        return row.Version;
    }

    private FindingsInput Read(ReviewFindings row) => new(row.Predictable, atRest.Unprotect(AtRest.FindingsPredictableWords, row.PredictableWords),
        row.Preventable, atRest.Unprotect(AtRest.FindingsPreventableWords, row.PreventableWords), row.ReportDated);

    private static List<string> Changes(FindingsInput? old, FindingsInput now)
    {
        var changed = new List<string>();
        if (old?.Predictable != now.Predictable || old?.PredictableWords != now.PredictableWords)
        {
            changed.Add("predictable");
        }

        if (old?.Preventable != now.Preventable || old?.PreventableWords != now.PreventableWords)
        {
            changed.Add("preventable");
        }

        if (old?.ReportDated != now.ReportDated)
        {
            changed.Add("report date");
        }

        return changed;
    }

    internal static async Task<FindingsView?> LoadAsync(IReviewDb db, AtRest atRest, int reviewId, CancellationToken ct)
    {
        var found = await (from f in db.ReviewFindings.AsNoTracking()
                           where f.ReviewId == reviewId
                           join p in db.Users on f.UpdatedByUserId equals p.Id into people
                           from p in people.DefaultIfEmpty()
                           select new { f, By = p == null ? "Unknown" : p.DisplayName }).SingleOrDefaultAsync(ct);
        return found is null
            ? null
            : new FindingsView(found.f.Predictable, atRest.Unprotect(AtRest.FindingsPredictableWords, found.f.PredictableWords), found.f.Preventable,
                atRest.Unprotect(AtRest.FindingsPreventableWords, found.f.PreventableWords), found.f.ReportDated, found.f.Version, found.f.UpdatedAtUtc,
                found.By);
    }
}
