using Microsoft.Extensions.Logging;
using Npgsql;

namespace Infrastructure.Data;

/// Lets portal processes that start together on one PostgreSQL database take turns to create, migrate and seed it.
/// Without it two processes starting on an empty server both tried CREATE DATABASE and one crashed (42P04), and both
/// would seed the roles and the demo data. The turn is a session-level advisory lock in the portal's own database, held
/// on a connection of its own (not pooled: a pooled connection would keep the lock after it is "closed").
internal sealed class PostgresStartupLock : IAsyncDisposable
{
    /// Any fixed number, the same in every portal process ("ReviewP" in ASCII).
    private const long Key = 0x52_65_76_69_65_77_50;

    private readonly NpgsqlConnection _connection;

    private PostgresStartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresStartupLock> TakeAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await CreateDatabaseIfMissingAsync(own, logger, ct);
        var connection = new NpgsqlConnection(own.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        tryLock.Parameters.AddWithValue("key", Key);
        if (await tryLock.ExecuteScalarAsync(ct) is not true)
        {
            // Another process is migrating: however long that takes (a large migration), this one waits. If that process
            // dies, its session ends and the lock with it.
            logger.LogInformation("Waiting for another portal process to finish creating or migrating the database");
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            wait.Parameters.AddWithValue("key", Key);
            await wait.ExecuteNonQueryAsync(ct);
        }

        return new PostgresStartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the session releases the lock too; unlocking first says so plainly.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }

    /// CREATE DATABASE cannot run inside the portal's database (it does not exist yet) nor under a lock in it, so it runs
    /// from the server's maintenance database, and "already exists" means another process was first: nothing to do.
    private static async Task CreateDatabaseIfMissingAsync(NpgsqlConnectionStringBuilder target, ILogger logger, CancellationToken ct)
    {
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet.
        }

        var name = target.Database ?? throw new InvalidOperationException("Database:PostgreSqlConnection must name a database (Database=portal).");
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Created the PostgreSQL database {Database}", name);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another portal process created it a moment ago. (Two CREATE DATABASE at once can also fail on the
            // unique index of pg_database rather than with 42P04.)
        }
    }
}
