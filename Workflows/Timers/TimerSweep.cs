using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Timers;

public sealed record SweepResult(int Claimed, int Fired);

/// Fires the timers that are due, in batches. Each batch is claimed with a conditional update (Pending -> Claimed
/// where still Pending), so two sweeps - in one process or several on one PostgreSQL database - never take the same
/// timer; each is then fired through the engine with the key "timer:{id}". Safe to run twice; timers that fell due
/// while the portal was stopped fire on the first sweep after start. A claim whose process died is taken over
/// after ClaimLease. Uses business time (tests call it directly after moving the clock).
public sealed class TimerSweep(IReviewDbFactory dbs, BusinessClock clock, WorkflowEngine engine, ILogger<TimerSweep> logger)
{
    public const int BatchSize = 100;

    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var claimed = 0;
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.UtcNow;
            var staleBefore = now - ClaimLease;
            var token = Guid.NewGuid().ToString("N");
            List<long> mine;
            await using (var db = await dbs.CreateAsync(ct))
            {
                // Two queries, not one with an OR on the status: each walks the (Status, DueAtUtc) index in due order and
                // stops at the batch size. With the OR, SQLite read and sorted every due timer for every batch.
                var due = await db.Timers.AsNoTracking()
                    .Where(t => t.Status == TimerStatus.Claimed && t.DueAtUtc <= now && t.ClaimedAtUtc < staleBefore)
                    .OrderBy(t => t.DueAtUtc).Select(t => t.Id).Take(BatchSize).ToListAsync(ct);
                if (due.Count < BatchSize)
                {
                    due.AddRange(await db.Timers.AsNoTracking()
                        .Where(t => t.Status == TimerStatus.Pending && t.DueAtUtc <= now)
                        .OrderBy(t => t.DueAtUtc).Select(t => t.Id).Take(BatchSize - due.Count).ToListAsync(ct));
                }

                if (due.Count == 0)
                {
                    break;
                }

                await db.Timers
                    .Where(t => due.Contains(t.Id) && (t.Status == TimerStatus.Pending || (t.Status == TimerStatus.Claimed && t.ClaimedAtUtc < staleBefore)))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Status, TimerStatus.Claimed)
                        .SetProperty(t => t.ClaimedBy, token)
                        .SetProperty(t => t.ClaimedAtUtc, now), ct);
                mine = await db.Timers.AsNoTracking().Where(t => t.ClaimedBy == token && t.Status == TimerStatus.Claimed)
                    .OrderBy(t => t.DueAtUtc).Select(t => t.Id).ToListAsync(ct);
            }

            claimed += mine.Count;
            if (mine.Count == 0)
            {
                continue;
            }

            try
            {
                // One transaction for the batch (on SQLite a commit per timer, waiting for the disk each time, made
                // 100,000 timers take tens of minutes).
                fired += await engine.FireTimersAsync(mine, token, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing of the batch was written: fire its timers one by one, so one bad case or a person acting on a
                // case at the same moment holds up only its own timer.
                logger.LogWarning(e, "A batch of {Count} timers could not be fired together; firing them one by one", mine.Count);
                foreach (var id in mine)
                {
                    try
                    {
                        if (await engine.FireTimerAsync(id, token, ct))
                        {
                            fired++;
                        }
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        // Left claimed: taken over by a later sweep once the lease ends.
                        logger.LogError(one, "Timer {TimerId} could not be fired", id);
                    }
                }
            }
        }

        return new SweepResult(claimed, fired);
    }
}
