namespace Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// The "Database" section of appsettings.json.
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// The data folder (SQLite file, key ring, mail pickup). Relative paths are resolved against the content root.
    public string DataPath { get; set; } = "data";

    /// Used when Provider is PostgreSql.
    public string? PostgreSqlConnection { get; set; }

    public string SqliteFile(string dataPath) => Path.Combine(dataPath, "portal.db");
}
