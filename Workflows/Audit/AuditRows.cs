using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Audit;

/// Audit rows as people read them, wherever they are shown (the audit trail, its export, a review's history).
internal static class AuditRows
{
    /// Names for the people the rows are by and for the user ids their details mention, looked up once for the lot.
    /// Without detail (an administrator's view) the details are left out.
    public static async Task<List<AuditRow>> InWordsAsync(IReviewDb db, List<AuditEvent> found, bool withDetail, CancellationToken ct)
    {
        var ids = found.Select(a => a.UserId).OfType<string>()
            .Concat(withDetail ? found.SelectMany(a => EntryWords.UserIds(a.Detail)) : [])
            .Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return found.Select(a => new AuditRow(a.Id, a.AtUtc,
            a.UserId is null ? a.UserEmail ?? "The portal" : names.GetValueOrDefault(a.UserId) ?? a.UserEmail ?? "A former user",
            a.UserEmail, EntryWords.Action(a.Action), EntryWords.Subject(a.Subject), a.CaseReference,
            withDetail ? EntryWords.Detail(a.Detail, names) : null)).ToList();
    }
}
