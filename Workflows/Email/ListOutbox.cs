using Domain;
using Domain.Access;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Email;

public sealed record OutboxRow(long Id, string RecipientAddress, string Reason, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAtUtc, DateTime NextAttemptUtc, DateTime? LastAttemptUtc, DateTime? SentAtUtc, string? LastError)
{
    public bool CanResend => Status is OutboxStatus.Pending or OutboxStatus.Failed;
}

/// "Outgoing mail" for administrators: every message, newest first, filtered by status and paged in the database.
public sealed class ListOutboxQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<OutboxRow>>> HandleAsync(Actor actor, OutboxStatus? status, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Email", null, "list outgoing mail", ct) is { } refused)
        {
            return refused;
        }

        var q = db.OutboxMessages.AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(m => m.Status == s);
        }

        var total = await q.CountAsync(ct);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(OutboxRow.NextAttemptUtc), false) => q.OrderBy(m => m.NextAttemptUtc),
            (nameof(OutboxRow.NextAttemptUtc), true) => q.OrderByDescending(m => m.NextAttemptUtc),
            (nameof(OutboxRow.Attempts), false) => q.OrderBy(m => m.Attempts),
            (nameof(OutboxRow.Attempts), true) => q.OrderByDescending(m => m.Attempts),
            (nameof(OutboxRow.CreatedAtUtc), false) => q.OrderBy(m => m.Id),
            _ => q.OrderByDescending(m => m.Id),
        };
        var items = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(m => new OutboxRow(m.Id, m.RecipientAddress, m.Reason, m.Subject, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptUtc,
                m.LastAttemptUtc, m.SentAtUtc, m.LastError))
            .ToListAsync(ct);
        return new PagedResult<OutboxRow>(items, total);
    }
}
