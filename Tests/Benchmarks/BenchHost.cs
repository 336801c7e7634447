using Infrastructure;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows;
using Workflows.Data;
using Workflows.Time;

namespace Portal.Benchmarks;

/// The portal's real services (Infrastructure's DI: EF context per provider, handlers, engine, sweep) on a fresh
/// database, without the web host. Business time is a FakeTimeProvider, as in the tests, so the benchmark can move
/// it forward before the timer sweep. Job servers are off (the benchmark calls the sweep itself).
public sealed class BenchHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private BenchHost(ServiceProvider services, FakeTimeProvider time, string provider, string? dataPath, string? postgresConnection)
    {
        _services = services;
        Time = time;
        Provider = provider;
        DataPath = dataPath;
        PostgresConnection = postgresConnection;
    }

    public string Provider { get; }

    public string? DataPath { get; }

    public string? PostgresConnection { get; }

    public FakeTimeProvider Time { get; }

    public bool IsSqlite => PostgresConnection is null;

    /// Keep the SQLite folder on dispose (to look at query plans afterwards).
    public bool KeepData { get; set; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public object Get(Type type) => _services.GetRequiredService(type);

    /// SQLite in a new temp folder (postgresConnection null), or a new PostgreSQL database; migrated through the
    /// portal's own initialiser (no demo data).
    public static async Task<BenchHost> StartAsync(string? postgresConnection)
    {
        var dataPath = postgresConnection is null ? Directory.CreateTempSubdirectory("portal-bench-").FullName : null;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgresConnection is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.PostgreSql),
            ["Database:DataPath"] = dataPath ?? Path.GetTempPath(),
            ["Database:PostgreSqlConnection"] = postgresConnection,
            ["Seed:DemoData"] = "false",
            ["Jobs:Enabled"] = "false",
        };
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Benchmark", ApplicationName = "Benchmarks", ContentRootPath = AppContext.BaseDirectory });
        services.AddLogging(b =>
        {
            b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            // Migrating a new PostgreSQL database first probes it and logs the expected "does not exist" as an error.
            b.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1")
            {
                // Every SQL command EF sends, with its duration: to take a query to EXPLAIN.
                b.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        });
        services.AddWorkflows(configuration);
        services.AddInfrastructure(configuration, AppContext.BaseDirectory);
        var time = new FakeTimeProvider(Now);
        services.AddSingleton(new BusinessClock(time));
        var provider = services.BuildServiceProvider();
        var host = new BenchHost(provider, time, postgresConnection is null ? "SQLite" : "PostgreSQL", dataPath, postgresConnection);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
        }

        return host;
    }

    public async Task<string> ConnectionStringAsync()
    {
        await using var db = await Get<IReviewDbFactory>().CreateAsync();
        return db.Database.GetConnectionString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (DataPath is not null && !KeepData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean: it is in the temp folder.
            }
        }
    }
}
