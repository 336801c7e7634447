using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Timers;

public sealed record SweepResult(int Claimed, int Fired);

/// The "Timers" section: a claim older than ClaimLease belongs to a process that died and is taken over.
public sealed class TimerSweepOptions
{
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);
}

/// Fires the timers that are due, in batches. A batch is the due timers of the cases of the next BatchSize due timers
/// (a case's deadlines that passed together are fired together, with one journal entry). Each batch is claimed with a
/// conditional update (Pending -> Claimed where still Pending), so two sweeps - in one process or several on one
/// PostgreSQL database - never take the same timer; it is then fired through the engine with the key "timer:{id}".
/// Safe to run twice; timers that fell due while the portal was stopped fire on the first sweep after start. A claim
/// whose process died is taken over after Timers:ClaimLease. Uses business time (tests call it directly after moving the clock).
public sealed class TimerSweep(IReviewDbFactory dbs, BusinessClock clock, WorkflowEngine engine, TimerSweepOptions options, ILogger<TimerSweep> logger)
{
    public const int BatchSize = 100;

    private const int Attempts = 3;

    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var claimed = 0;
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await ClaimAsync(ct);
            if (batch is null)
            {
                break;
            }

            var (token, mine) = batch;
            claimed += mine.Count;
            if (mine.Count == 0)
            {
                continue;
            }

            try
            {
                // One transaction for the batch (on SQLite a commit per timer, waiting for the disk each time, made
                // 100,000 timers take tens of minutes).
                fired += await engine.FireTimersAsync(mine.Select(t => t.Id).ToList(), token, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing of the batch was written: fire it case by case, so one bad case or a person acting on a case
                // at the same moment holds up only its own timers.
                logger.LogWarning(e, "A batch of {Count} timers could not be fired together; firing them case by case", mine.Count);
                foreach (var timers in mine.GroupBy(t => t.ReviewId))
                {
                    fired += await FireCaseAsync(timers.Key, timers.Select(t => t.Id).ToList(), token, ct);
                }
            }
        }

        return new SweepResult(claimed, fired);
    }

    private sealed record Claimed(long Id, int ReviewId);

    private sealed record Batch(string Token, List<Claimed> Timers);

    /// Claims the next batch for this sweep: null when nothing is due, no timers when another sweep took them first.
    private async Task<Batch?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var staleBefore = now - options.ClaimLease;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbs.CreateAsync(ct);

        // Two queries, not one with an OR on the status: each walks the (Status, DueAtUtc) index in due order and
        // stops at the batch size. With the OR, SQLite read and sorted every due timer for every batch.
        var due = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Claimed && t.DueAtUtc <= now && t.ClaimedAtUtc < staleBefore)
            .OrderBy(t => t.DueAtUtc).Select(t => new { t.Id, t.ReviewId }).Take(BatchSize).ToListAsync(ct);
        if (due.Count < BatchSize)
        {
            due.AddRange(await db.Timers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAtUtc <= now)
                .OrderBy(t => t.DueAtUtc).Select(t => new { t.Id, t.ReviewId }).Take(BatchSize - due.Count).ToListAsync(ct));
        }

        if (due.Count == 0)
        {
            return null;
        }

        var ids = due.Select(t => t.Id).ToList();
        var reviewIds = due.Select(t => t.ReviewId).Distinct().ToList();
        await db.Timers
            .Where(t => ids.Contains(t.Id) && (t.Status == TimerStatus.Pending || (t.Status == TimerStatus.Claimed && t.ClaimedAtUtc < staleBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TimerStatus.Claimed)
                .SetProperty(t => t.ClaimedBy, token)
                .SetProperty(t => t.ClaimedAtUtc, now), ct);

        // The same cases' other due timers come along.
        await db.Timers
            .Where(t => reviewIds.Contains(t.ReviewId) && t.Status == TimerStatus.Pending && t.DueAtUtc <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TimerStatus.Claimed)
                .SetProperty(t => t.ClaimedBy, token)
                .SetProperty(t => t.ClaimedAtUtc, now), ct);
        return new Batch(token, await db.Timers.AsNoTracking().Where(t => t.ClaimedBy == token && t.Status == TimerStatus.Claimed)
            .OrderBy(t => t.DueAtUtc).Select(t => new Claimed(t.Id, t.ReviewId)).ToListAsync(ct));
    }

    /// Fires one case's claimed timers; a conflict with a person acting on the case at the same moment is tried again.
    /// A case that still fails is left claimed: a later sweep takes it over once the lease ends.
    private async Task<int> FireCaseAsync(int reviewId, List<long> timerIds, string token, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await engine.FireTimersAsync(timerIds, token, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt == Attempts)
                {
                    logger.LogError(e, "The timers of review {ReviewId} could not be fired", reviewId);
                    return 0;
                }
            }
        }
    }
}
