using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Email;

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
