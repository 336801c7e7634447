using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Email;

public sealed record OutboxRow(long Id, string RecipientAddress, string Reason, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAtUtc, DateTime NextAttemptUtc, DateTime? LastAttemptUtc, DateTime? SentAtUtc, string? LastError)
{
    public bool CanResend => Status is OutboxStatus.Pending or OutboxStatus.Failed;
}

public sealed record IncidentRow(long Id, IncidentKind Kind, DateTime OpenedAtUtc, string Message);

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

/// Open incidents, for the banner on administration pages.
public sealed class OpenIncidentsQuery(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<IncidentRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        // Not a refusal worth auditing: the banner simply shows nothing to anyone else.
        if (!actor.Is(Role.Administrator))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => i.ResolvedAtUtc == null).OrderBy(i => i.OpenedAtUtc)
            .Select(i => new IncidentRow(i.Id, i.Kind, i.OpenedAtUtc, i.Message)).ToListAsync(ct);
    }
}

/// Tries a waiting or failed message again at the next dispatcher run, whatever its backoff.
public sealed class ResendMessageHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Email", messageId.ToString(), "resend an email", ct) is { } refused)
        {
            return refused;
        }

        var now = clock.UtcNow;
        var updated = await db.OutboxMessages
            .Where(m => m.Id == messageId && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now), ct);
        if (updated == 0)
        {
            return await db.OutboxMessages.AnyAsync(m => m.Id == messageId, ct)
                ? new Error("This email is being sent or has been sent already: reload the list to see its status.")
                : new NotFound("The email");
        }

        audit.Add(db, actor, AuditAction.Changed, "Email", messageId.ToString(), detail: "Resend requested");
        await db.SaveChangesAsync(ct);
        return messageId;
    }
}

/// The email templates as files, for administrators to read, by plain-English name.
public sealed class ReadEmailTemplatesQuery(IReviewDbFactory dbs, IEmailTemplates templates, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<EmailTemplateText>>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Email", null, "read email templates", ct) is { } refused)
        {
            return refused;
        }

        return Result<IReadOnlyList<EmailTemplateText>>.Ok(templates.All().OrderBy(t => t.About.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }
}
