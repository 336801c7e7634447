using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Portal.Benchmarks;

/// A column as the migrations created it; PgType is what binary COPY writes (it must match the column's type).
public sealed record Column(string Name, NpgsqlDbType PgType);

public sealed record Table(string Name, params Column[] Columns);

/// Fast inserts that bypass EF: on SQLite one prepared INSERT reused for every row, all in one transaction; on
/// PostgreSQL binary COPY. Values are what EF itself writes: enums as their names, UTC DateTime, DateOnly, bool.
public abstract class BulkWriter : IAsyncDisposable
{
    public static async Task<BulkWriter> OpenAsync(BenchHost host)
    {
        var connection = await host.ConnectionStringAsync();
        return host.IsSqlite ? await SqliteBulkWriter.OpenAsync(connection) : await PostgresBulkWriter.OpenAsync(connection);
    }

    public abstract DbConnection Connection { get; }

    public abstract Task WriteAsync(Table table, IEnumerable<object?[]> rows);

    /// Commits, and brings identity sequences past the explicit IDs written.
    public abstract Task CompleteAsync(IEnumerable<Table> tablesWithIdentity);

    public abstract ValueTask DisposeAsync();

    private static object? Value(object? value) => value is Enum e ? e.ToString() : value;

    private sealed class SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : BulkWriter
    {
        public override DbConnection Connection => connection;

        public static async Task<BulkWriter> OpenAsync(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                // This connection only: the seed is thrown away if the run fails.
                pragma.CommandText = "PRAGMA synchronous=OFF;";
                await pragma.ExecuteNonQueryAsync();
            }

            return new SqliteBulkWriter(connection, (SqliteTransaction)await connection.BeginTransactionAsync());
        }

        public override async Task WriteAsync(Table table, IEnumerable<object?[]> rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                                  $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            await command.PrepareAsync();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = Value(row[i]) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }
        }

        public override async Task CompleteAsync(IEnumerable<Table> tablesWithIdentity) => await transaction.CommitAsync();

        public override async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private sealed class PostgresBulkWriter(NpgsqlConnection connection) : BulkWriter
    {
        public override DbConnection Connection => connection;

        public static async Task<BulkWriter> OpenAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return new PostgresBulkWriter(connection);
        }

        public override async Task WriteAsync(Table table, IEnumerable<object?[]> rows)
        {
            var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy);
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                for (var i = 0; i < table.Columns.Length; i++)
                {
                    if (Value(row[i]) is { } value)
                    {
                        await importer.WriteAsync(value, table.Columns[i].PgType);
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }
                }
            }

            await importer.CompleteAsync();
        }

        public override async Task CompleteAsync(IEnumerable<Table> tablesWithIdentity)
        {
            foreach (var table in tablesWithIdentity)
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table.Name}\"), false)";
                await command.ExecuteNonQueryAsync();
            }

            // What autovacuum would do soon after a bulk load: planner statistics for the new rows.
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 300;
            await analyze.ExecuteNonQueryAsync();
        }

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
