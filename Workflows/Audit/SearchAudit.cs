using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Audit;

public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? CaseReference = null, AuditAction? Action = null);

/// Detail is null for administrators: they see metadata (who, when, what kind, which case), never content.
public sealed record AuditRow(long Id, DateTime AtUtc, string? UserEmail, AuditAction Action, string Subject, string? CaseReference, string? Detail);

public sealed class SearchAuditQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<AuditRow>>> HandleAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var dpo = actor.Is(Role.DataProtectionOfficer);
        if (!dpo && !actor.Is(Role.Administrator))
        {
            await audit.RefusedAsync(db, actor, "AuditTrail", null, null, "search the audit trail", ct);
            return new AccessRefused("the audit trail");
        }

        var q = db.AuditEvents.AsNoTracking();
        if (filter.From is DateOnly from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.AtUtc >= start);
        }

        if (filter.To is DateOnly to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLowerInvariant();
            q = q.Where(a => a.UserEmail != null && a.UserEmail.ToLower().Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(filter.CaseReference))
        {
            var reference = filter.CaseReference.Trim().ToUpperInvariant();
            q = q.Where(a => a.CaseReference == reference);
        }

        if (filter.Action is AuditAction action)
        {
            q = q.Where(a => a.Action == action);
        }

        var total = await q.CountAsync(ct);
        var ordered = page.Descending || page.SortBy is null ? q.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id) : q.OrderBy(a => a.AtUtc).ThenBy(a => a.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserEmail, a.Action, a.Subject, a.CaseReference, dpo ? a.Detail : null))
            .ToListAsync(ct);

        // Reading the audit trail is itself a view worth recording (for the DPO's searches).
        audit.Add(db, actor, AuditAction.Viewed, "AuditTrail", null, null, filter.CaseReference?.Trim().ToUpperInvariant(), dpo ? "audit search" : "audit metadata");
        await db.SaveChangesAsync(ct);
        return new PagedResult<AuditRow>(items, total);
    }
}
