using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Profiles;

public sealed record ProfileFieldRow(ProfileField Field, int ReviewCount);

/// Administrators keep the case profile's field list as the Home Office's form changes: add a field, reword it, add
/// answers to choose from, deactivate and reactivate. Nothing is deleted and no answer is removed or renamed, so every
/// value recorded stays one the field offers. A field the portal reads itself (it has a key) keeps its kind.
public sealed class ProfileFieldAdminHandler(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<ProfileFieldRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "list case profile fields", ct) is { } refused)
        {
            return refused;
        }

        var counts = await db.ProfileValues.AsNoTracking().GroupBy(v => v.FieldId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return (await db.ProfileFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct))
            .Select(f => new ProfileFieldRow(f, counts.GetValueOrDefault(f.Id))).ToList();
    }

    public async Task<Result<int>> AddAsync(Actor actor, string? label, ProfileFieldKind kind, string? choices, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "add case profile field", ct) is { } refused)
        {
            return refused;
        }

        var list = ProfileRules.SplitLines(choices);
        var errors = ProfileFieldRules.CheckField(label, kind, list, await db.ProfileFields.Select(f => f.Label).ToListAsync(ct));
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var last = await db.ProfileFields.MaxAsync(f => (int?)f.SortOrder, ct) ?? 0;
        var field = new ProfileField { Label = label!.Trim(), Kind = kind, Choices = string.Join('\n', list), SortOrder = last + 10 };
        db.ProfileFields.Add(field);
        // The audit row names the field's id, known once it is saved: both in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, "ProfileField", field.Id.ToString(CultureInfo.InvariantCulture), detail: "case profile field added");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return field.Id;
    }

    /// Rewords the question and appends answers (one a line) to a field answered by choosing.
    public async Task<Result<bool>> ChangeAsync(Actor actor, int fieldId, string? label, string? addedChoices, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "change case profile field", ct) is { } refused)
        {
            return refused;
        }

        var field = await db.ProfileFields.SingleOrDefaultAsync(f => f.Id == fieldId, ct);
        if (field is null)
        {
            return new NotFound("The field");
        }

        var added = ProfileRules.SplitLines(addedChoices);
        if (added.Count > 0 && !field.HasChoices)
        {
            return new ValidationFailed([new Error("Only a field answered by choosing has answers to add to.", "Choices")]);
        }

        var all = field.ChoiceList.Concat(added).ToList();
        var errors = ProfileFieldRules.CheckField(label, field.Kind, all,
            await db.ProfileFields.Where(f => f.Id != fieldId).Select(f => f.Label).ToListAsync(ct));
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        field.Label = label!.Trim();
        field.Choices = string.Join('\n', all);
        audit.Add(db, actor, AuditAction.Changed, "ProfileField", fieldId.ToString(CultureInfo.InvariantCulture),
            detail: added.Count > 0 ? $"case profile field changed: {added.Count} answers added" : "case profile field changed");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<bool>> SetActiveAsync(Actor actor, int fieldId, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "change case profile field", ct) is { } refused)
        {
            return refused;
        }

        var field = await db.ProfileFields.SingleOrDefaultAsync(f => f.Id == fieldId, ct);
        if (field is null)
        {
            return new NotFound("The field");
        }

        field.IsActive = active;
        audit.Add(db, actor, AuditAction.Changed, "ProfileField", fieldId.ToString(CultureInfo.InvariantCulture),
            detail: active ? "case profile field reactivated" : "case profile field deactivated");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> RefuseAsync(IReviewDb db, Actor actor, string what, CancellationToken ct)
    {
        if (actor.Is(Role.Administrator))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "ProfileField", null, null, what, ct);
        return new AccessRefused("the case profile's fields");
    }
}
