using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Profiles;

/// The answers as typed, by field id (several choices one a line; empty or missing: not recorded).
public sealed record SaveCaseProfile(int ReviewId, IReadOnlyDictionary<int, string?> Values);

/// What changed: the labels of the fields whose answer changed (empty: nothing did).
public sealed record CaseProfileSaved(IReadOnlyList<string> Changed);

/// Saves a review's case profile: lead office officers and managers only; every value checked first, nothing saved if
/// one is wrong. Only the active fields are written (an inactive field keeps what it held). The audit row names the
/// fields that changed, never their values.
public sealed class SaveCaseProfileHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<CaseProfileSaved>> HandleAsync(Actor actor, SaveCaseProfile input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await ProfileAccess.CheckAsync(db, audit, actor, input.ReviewId, edit: true, "change case profile", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var fields = await db.ProfileFields.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);
        var (values, errors) = ProfileRules.Check(fields, input.Values);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var activeIds = fields.Select(f => f.Id).ToList();
        var stored = await db.ProfileValues.Where(v => v.ReviewId == input.ReviewId && activeIds.Contains(v.FieldId)).ToListAsync(ct);
        var changed = new List<string>();
        foreach (var field in fields)
        {
            var row = stored.SingleOrDefault(v => v.FieldId == field.Id);
            var old = row is null ? null : atRest.Unprotect(AtRest.ProfileValue, row.Value);
            var now = values.GetValueOrDefault(field.Id);
            if (old == now)
            {
                continue;
            }

            changed.Add(field.Label);
            if (now is null)
            {
                db.ProfileValues.Remove(row!);
            }
            else if (row is null)
            {
                db.ProfileValues.Add(new ProfileValue
                {
                    ReviewId = input.ReviewId, FieldId = field.Id, Value = atRest.Protect(AtRest.ProfileValue, now)!,
                    UpdatedAtUtc = clock.UtcNow, UpdatedByUserId = actor.UserId,
                });
            }
            else
            {
                row.Value = atRest.Protect(AtRest.ProfileValue, now)!;
                row.UpdatedAtUtc = clock.UtcNow;
                row.UpdatedByUserId = actor.UserId;
            }
        }

        if (changed.Count > 0)
        {
            var (_, reference, _) = access.Value;
            audit.Add(db, actor, AuditAction.Changed, ProfileAccess.Subject, input.ReviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                input.ReviewId, reference, "case profile: " + string.Join(", ", changed));
            await db.SaveChangesAsync(ct);
        }

        return new CaseProfileSaved(changed);
    }
}
