using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Npgsql;

namespace Portal.Testing;

/// A database made by an earlier release, kept under Tests/Fixtures/Upgrade/RELEASE (made by make-fixtures.sh there):
/// its SQLite database with its key ring, a pg_dump of its PostgreSQL database, and fixture.json saying who can sign in
/// (an officer whose authenticator was turned on in that release) and which restricted name they read.
public sealed class UpgradeFixture
{
    private UpgradeFixture(string folder, FixtureFile file)
    {
        Folder = folder;
        File = file;
    }

    public string Folder { get; }

    public FixtureFile File { get; }

    public static UpgradeFixture Load(string release)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "Tests", "Fixtures", "Upgrade", release);
        var json = System.IO.File.ReadAllText(Path.Combine(folder, "fixture.json"));
        return new UpgradeFixture(folder, JsonSerializer.Deserialize<FixtureFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
    }

    /// A fresh data folder holding the release's SQLite database and key ring, as the release left them.
    public string SqliteDataFolder()
    {
        var data = Directory.CreateTempSubdirectory("portal-upgrade-").FullName;
        using (var compressed = System.IO.File.OpenRead(Path.Combine(Folder, "sqlite", "portal.db.gz")))
        using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
        using (var database = System.IO.File.Create(Path.Combine(data, "portal.db")))
        {
            gzip.CopyTo(database);
        }

        var keys = Directory.CreateDirectory(Path.Combine(data, "keys")).FullName;
        foreach (var key in Directory.GetFiles(Path.Combine(Folder, "sqlite", "keys")))
        {
            System.IO.File.Copy(key, Path.Combine(keys, Path.GetFileName(key)));
        }

        return data;
    }

    /// A new database on the test server restored from the release's pg_dump (with pg_restore, as an office would);
    /// returns its connection string.
    public async Task<string> PostgresDatabaseAsync()
    {
        var connection = TestPostgres.NewDatabaseConnectionString();
        var target = new NpgsqlConnectionStringBuilder(connection);
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        var info = new ProcessStartInfo("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", target.Username!, "-d", target.Database!, Path.Combine(Folder, "postgresql", "portal.dump")])
        {
            RedirectStandardError = true,
        };
        if (target.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        using var restore = Process.Start(info)!;
        var error = await restore.StandardError.ReadToEndAsync();
        await restore.WaitForExitAsync();
        return restore.ExitCode == 0 ? connection : throw new InvalidOperationException("pg_restore failed: " + error);
    }

    public sealed record FixtureFile(string Release, Person Person, Provider Sqlite, Provider Postgresql, Restricted Restricted);

    public sealed record Person(string Email, string Password);

    public sealed record Provider(string AuthenticatorKey);

    public sealed record Restricted(int ReviewId, string CaseLabel, string DeceasedNames);
}
