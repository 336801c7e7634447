using System.Linq.Expressions;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Email;

public sealed record DispatchReport(int Sent, int Failed);

/// Sends what the outbox holds. Safe to run in several processes at once and twice in a row: each message is claimed
/// with a conditional UPDATE before it is sent, and marked sent only by the run that holds the claim. Send, then mark:
/// a crash between the two sends that message again (with the same Message-Id) once its claim times out.
public sealed class OutboxDispatcher(IReviewDbFactory dbs, IEmailTransport transport, BusinessClock clock, EmailOptions options,
    OutboxSecrets secrets, ILogger<OutboxDispatcher> logger)
{
    // Bounds one run, so a scheduler's next run overlaps nothing for long.
    private const int MaxBatchesPerRun = 50;

    public async Task<DispatchReport> RunOnceAsync(CancellationToken ct = default)
    {
        var (sent, failed) = (0, 0);
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var (token, messages) = await ClaimAsync(ct);
            foreach (var message in messages)
            {
                if (await SendAsync(message, token, ct))
                {
                    sent++;
                }
                else
                {
                    failed++;
                }
            }

            if (messages.Count < options.BatchSize)
            {
                break;
            }
        }

        await UpdateIncidentAsync(ct);
        return new DispatchReport(sent, failed);
    }

    private async Task<(Guid Token, List<OutboxMessage> Messages)> ClaimAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var token = Guid.NewGuid();
        var due = Due(now, now - options.ClaimTimeout);
        await using var db = await dbs.CreateAsync(ct);
        var ids = await db.OutboxMessages.Where(due).OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Math.Max(1, options.BatchSize)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (token, []);
        }

        // The condition is evaluated again by the UPDATE itself: a message another run claimed meanwhile is not taken.
        await db.OutboxMessages.Where(m => ids.Contains(m.Id)).Where(due).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedAtUtc, now), ct);
        var claimed = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return (token, claimed);
    }

    private static Expression<Func<OutboxMessage, bool>> Due(DateTime now, DateTime staleClaim) => m =>
        ((m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed) && m.NextAttemptUtc <= now)
        || (m.Status == OutboxStatus.Sending && m.ClaimedAtUtc < staleClaim);

    private async Task<bool> SendAsync(OutboxMessage message, Guid token, CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            // The claimed copy is not tracked: filling in its secrets changes nothing in the database.
            await transport.SendAsync(secrets.Fill(message), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failure = ex;
        }

        var now = clock.UtcNow;
        var attempts = message.Attempts + 1;
        await using var db = await dbs.CreateAsync(CancellationToken.None);
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token);
        if (failure is null)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.LastAttemptUtc, now)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.ProtectedValues, (string?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedAtUtc, (DateTime?)null), CancellationToken.None);
            return true;
        }

        // Ids and the kind of failure only: the recipient's address stays out of the logs.
        logger.LogWarning("Email {MessageId} not sent (attempt {Attempts}): {Error}", message.MessageId, attempts, failure.GetType().Name);
        var error = Describe(failure);
        var next = now + OutboxMessage.Backoff(attempts, options.MaxBackoff);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastAttemptUtc, now)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedAtUtc, (DateTime?)null), CancellationToken.None);
        return false;
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 1000 ? text : text[..1000];
    }

    /// One open incident while any message has failed IncidentAfterFailures times in a row; resolved once none has.
    private async Task UpdateIncidentAsync(CancellationToken ct)
    {
        var threshold = Math.Max(1, options.IncidentAfterFailures);
        await using var db = await dbs.CreateAsync(ct);
        var stuck = db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Sending) && m.Attempts >= threshold);
        var count = await stuck.CountAsync(ct);
        var open = await db.Incidents.Where(i => i.Kind == IncidentKind.EmailDelivery && i.ResolvedAtUtc == null).ToListAsync(ct);
        var now = clock.UtcNow;
        if (count == 0)
        {
            open.ForEach(i => i.ResolvedAtUtc = now);
        }
        else
        {
            var lastError = await stuck.OrderByDescending(m => m.LastAttemptUtc).Select(m => m.LastError).FirstOrDefaultAsync(ct);
            var message = $"{count} {(count == 1 ? "email has" : "emails have")} failed to send {threshold} or more times in a row "
                + $"and {(count == 1 ? "is" : "are")} being retried. Last error: {lastError}. "
                + "Check the mail server and the Email:Smtp settings; the incident closes by itself once they are sent.";
            if (open.Count == 0)
            {
                db.Incidents.Add(new Incident { Kind = IncidentKind.EmailDelivery, OpenedAtUtc = now, Message = message });
            }
            else
            {
                open.ForEach(i => i.Message = message);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process opened the incident a moment ago (one open incident per kind, a unique index): it stands.
        }
    }
}
