using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Infrastructure.Data;

/// Keeps SQLite's query-planner statistics current, as SQLite advises for a long-lived database ("PRAGMA
/// optimize=0x10002": analyse the tables whose statistics are missing or whose size has changed a lot). Without them
/// SQLite guesses, and it guessed that an index led by a status column of three or four values beat the primary key or
/// the case: the timer sweep's "this case's other due timers" read every pending timer, and "make these tasks urgent"
/// every open task, for each batch (docs/BENCHMARKS.md, session 5). Run on start and daily. PostgreSQL's autovacuum
/// analyses by itself, so there it does nothing.
public sealed class PlannerStatistics(IReviewDbFactory dbs)
{
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (db.Database.GetDbConnection() is SqliteConnection connection)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);
            // A connection reads the statistics once: pooled connections would plan with the old ones for as long as
            // the process runs. Cleared, the pool opens new connections, which read the new statistics.
            SqliteConnection.ClearPool(connection);
        }
    }
}
