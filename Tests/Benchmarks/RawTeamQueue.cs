using System.Data.Common;
using Domain.Access;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Benchmarks;

/// The floor: the team queue's first page (count + 25 rows, soonest due first by TaskDeadline's date: the task's own,
/// else its clock's; paused also while its clock is) hand-written in SQL against the same tables and indexes, read with a plain data reader into the same fields the handler returns. Same rules as
/// WorkQueueQuery: open, unassigned, offered to one of my offices (or to me by name), for one of my roles or none.
public sealed class RawTeamQueue(string connectionString, bool sqlite)
{
    public sealed record Row(long Id, int ReviewId, string Reference, string CaseLabel, string Kind, string Title, string? Stage, string? CandidateRole,
        DateOnly? DueDate, string Priority, bool IsPaused, int Version);

    public async Task<(int Total, List<Row> Rows)> HandleAsync(Actor actor, int skip = 0, int take = 25)
    {
        await using var connection = sqlite ? (DbConnection)new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var offices = actor.OfficeIds.ToArray();
        var roles = actor.Roles.Select(r => r.ToString()).ToArray();
        // As WorkItemAccess.OpenVisible: one indexed part per way a task reaches the officer, no OR across columns.
        var team = $"""
            w."Status" = 'Open' AND w."AssigneeUserId" IS NULL
              AND (w."CandidateRole" IS NULL OR w."CandidateRole" IN ({string.Join(", ", roles.Select((_, i) => $"@r{i}"))}))
            """;
        var inOffices = $"w.\"OfficeId\" IN ({string.Join(", ", offices.Select((_, i) => $"@o{i}"))})";
        var parts = $"""
            SELECT w."Id", w."ReviewId", w."Kind", w."Title", w."Stage", w."CandidateRole", w."DueDate", w."Priority", w."IsPaused", w."Version", w."ClockId"
            FROM "WorkItems" w WHERE {team} AND {inOffices}
            UNION ALL
            SELECT w."Id", w."ReviewId", w."Kind", w."Title", w."Stage", w."CandidateRole", w."DueDate", w."Priority", w."IsPaused", w."Version", w."ClockId"
            FROM "WorkItems" w WHERE {team} AND w."CandidateUserId" = @me AND (w."OfficeId" IS NULL OR NOT {inOffices})
            """;

        await using var count = connection.CreateCommand();
        count.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM "WorkItems" w WHERE {team} AND {inOffices})
                 + (SELECT COUNT(*) FROM "WorkItems" w WHERE {team} AND w."CandidateUserId" = @me AND (w."OfficeId" IS NULL OR NOT {inOffices}))
            """;
        Bind(count, actor, offices, roles);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT w."Id", w."ReviewId", r."Reference", r."CaseLabel", w."Kind", w."Title", w."Stage", w."CandidateRole",
                   COALESCE(w."DueDate", c."DueDate"), w."Priority", w."IsPaused" OR COALESCE(c."Status" = 'Paused', FALSE), w."Version"
            FROM ({parts}) w JOIN "Reviews" r ON r."Id" = w."ReviewId"
            LEFT JOIN "ReviewClocks" c ON c."Id" = w."ClockId"
            ORDER BY COALESCE(w."DueDate", c."DueDate") IS NULL, COALESCE(w."DueDate", c."DueDate"), w."Id"
            LIMIT @take OFFSET @skip
            """;
        Bind(page, actor, offices, roles);
        Add(page, "@take", take);
        Add(page, "@skip", skip);
        var rows = new List<Row>(take);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.GetString(9), reader.GetBoolean(10), reader.GetInt32(11)));
        }

        return (total, rows);
    }

    private static void Bind(DbCommand command, Actor actor, int[] offices, string[] roles)
    {
        for (var i = 0; i < roles.Length; i++)
        {
            Add(command, $"@r{i}", roles[i]);
        }

        for (var i = 0; i < offices.Length; i++)
        {
            Add(command, $"@o{i}", offices[i]);
        }

        Add(command, "@me", actor.UserId);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
