using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Profiles;

/// One field of the profile as the page shows it: its definition and the review's value (null: not recorded).
public sealed record ProfileAnswer(ProfileField Field, string? Value);

public sealed record CaseProfileView(int ReviewId, string Reference, string CaseLabel, bool CanEdit, IReadOnlyList<ProfileAnswer> Answers,
    IReadOnlyList<CriteriaNote> Criteria, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}

/// Who reads and keeps a review's case profile: read by those who may read its restricted details (the lead office's
/// officers and managers, the appointed chair/author, the data protection officer), kept by the lead office's officers
/// and managers. Everyone else is refused, and the refusal audited, whether or not the review exists.
public static class ProfileAccess
{
    public const string Subject = "CaseProfile";

    public static Task<Result<(CaseAccess Access, string Reference, string CaseLabel)>> CheckAsync(IReviewDb db, AuditLog audit, Actor actor,
        int reviewId, bool edit, string what, CancellationToken ct) =>
        CheckAsync(db, audit, actor, reviewId, edit, Subject, "this review's case profile", what, ct);

    /// The same rule for the review's other records kept as sensitive as its profile (the findings and conduct of the
    /// review): subject names the record in the audit trail, record in the refusal's words.
    public static async Task<Result<(CaseAccess Access, string Reference, string CaseLabel)>> CheckAsync(IReviewDb db, AuditLog audit, Actor actor,
        int reviewId, bool edit, string subject, string record, string what, CancellationToken ct)
    {
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (edit ? !access.CanChange : !access.CanSeeRestricted)
        {
            await audit.RefusedAsync(db, actor, subject, reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), reviewId, what, ct);
            return new AccessRefused(record);
        }

        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.CaseLabel }).SingleAsync(ct);
        return (access, review.Reference, review.CaseLabel);
    }
}

/// The case profile of one review with its criteria check. Each read is audited (special category data), a refusal too.
public sealed class CaseProfileQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest)
{
    public async Task<Result<CaseProfileView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ProfileAccess.CheckAsync(db, audit, actor, reviewId, edit: false, "view case profile", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var (access, reference, label) = checkedAccess.Value;
        var view = await LoadAsync(db, atRest, reviewId, reference, label, access.CanChange, ct);
        audit.Add(db, actor, AuditAction.Viewed, ProfileAccess.Subject, reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), reviewId,
            reference, "case profile");
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// The profile as stored: active fields in form order, and any inactive field that still holds a value for this review.
    internal static async Task<CaseProfileView> LoadAsync(IReviewDb db, AtRest atRest, int reviewId, string reference, string label, bool canEdit,
        CancellationToken ct)
    {
        var fields = await db.ProfileFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);
        var values = (await db.ProfileValues.AsNoTracking().Where(v => v.ReviewId == reviewId).ToListAsync(ct))
            .ToDictionary(v => v.FieldId, v => atRest.Unprotect(AtRest.ProfileValue, v.Value)!);
        var shown = fields.Where(f => f.IsActive || values.ContainsKey(f.Id)).ToList();
        var byKey = shown.Where(f => f.Key is not null && values.ContainsKey(f.Id)).ToDictionary(f => f.Key!, f => values[f.Id]);
        return new CaseProfileView(reviewId, reference, label, canEdit,
            shown.Select(f => new ProfileAnswer(f, values.GetValueOrDefault(f.Id))).ToList(),
            ProfileRules.CriteriaCheck(byKey),
            ProfileRules.Missing(fields.Where(f => f.IsActive).ToList(), values).Select(f => f.Label).ToList());
    }

    /// The values of several reviews by field key, for the board's overview (which counts; it never shows a review's values).
    internal static async Task<Dictionary<int, Dictionary<string, string>>> KeyedValuesAsync(IReviewDb db, AtRest atRest, IReadOnlyCollection<int> reviewIds,
        IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var fields = await db.ProfileFields.AsNoTracking().Where(f => f.Key != null && keys.Contains(f.Key)).ToDictionaryAsync(f => f.Id, f => f.Key!, ct);
        var fieldIds = fields.Keys.ToList();
        var rows = await db.ProfileValues.AsNoTracking().Where(v => reviewIds.Contains(v.ReviewId) && fieldIds.Contains(v.FieldId)).ToListAsync(ct);
        return rows.GroupBy(v => v.ReviewId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => fields[v.FieldId], v => atRest.Unprotect(AtRest.ProfileValue, v.Value)!));
    }
}
