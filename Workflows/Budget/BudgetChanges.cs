using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Budget;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Budget;

/// What the changes to an office's pooled budget share. Officers and managers of the office only; every change is
/// audited (amounts are not personal data; partners are organisations).
public sealed class BudgetChanges(IReviewDbFactory dbs, AuditLog audit)
{
    /// Null when the actor may change the office's budget; otherwise the refusal, audited.
    public async Task<Error?> RefusedAsync(IReviewDb db, Actor actor, int officeId, string what, CancellationToken ct)
    {
        if (BudgetAccess.CanEdit(actor, officeId))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "PooledBudget", officeId.ToString(), null, what, ct);
        return new AccessRefused("changing this office's pooled budget");
    }

    /// The reference of the review a cost line is for (null: none), which its audit rows name as every review's do.
    public static async Task<string?> ReferenceAsync(IReviewDb db, int? reviewId, CancellationToken ct) =>
        reviewId is int id ? await db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleOrDefaultAsync(ct) : null;

    /// Deletes one line of an office's budget (after the page has asked for confirmation), audited with what it was.
    public async Task<Result<bool>> DeleteAsync<T>(Actor actor, long id, int version, Func<IReviewDb, DbSet<T>> set, string what, string subject,
        Func<T, (int OfficeId, int Version, int? ReviewId, string Detail)> describe, CancellationToken ct) where T : class
    {
        await using var db = await dbs.CreateAsync(ct);
        var row = await set(db).SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == id, ct);
        if (row is null)
        {
            return new NotFound(what);
        }

        var line = describe(row);
        if (await RefusedAsync(db, actor, line.OfficeId, "delete a budget line", ct) is { } refused)
        {
            return refused;
        }

        if (line.Version != version)
        {
            return new Conflict(what);
        }

        set(db).Remove(row);
        audit.Add(db, actor, AuditAction.Changed, subject, id.ToString(), line.ReviewId, await ReferenceAsync(db, line.ReviewId, ct), line.Detail);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// The office's line the input names, tracked, or for an input with no id a new line (added); NotFound or Conflict
    /// when the line is gone or has changed since the page showed it.
    public static async Task<Result<T>> LineAsync<T>(DbSet<T> set, long? id, int? version, int officeId, Func<T, int> versionOf, Func<T> create,
        string what, CancellationToken ct) where T : class
    {
        if (id is not long key)
        {
            return set.Add(create()).Entity;
        }

        var row = await set.Where(e => EF.Property<long>(e, "Id") == key && EF.Property<int>(e, "OfficeId") == officeId).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return new NotFound(what);
        }

        return versionOf(row) == version ? row : new Conflict(what);
    }

    public static async Task<Result<int>> SaveAsync(IReviewDb db, int version, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return version;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict(what);
        }
    }
}
