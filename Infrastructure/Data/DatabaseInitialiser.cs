using Domain.Access;
using Hangfire;
using Infrastructure.Files;
using Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infrastructure.Data;

/// Creates and migrates the database on start, creates the roles, seeds the demo data set once, and brings the
/// planner's statistics up to date (SQLite). Several processes may start at once on one PostgreSQL database: they take
/// turns (StartupLock), so only the first creates, migrates and seeds, and the others find it done.
public sealed class DatabaseInitialiser(ReviewDb db, RoleManager<IdentityRole> roles, DemoData demo, PlannerStatistics statistics,
    DatabaseOptions options, IServiceProvider services, IConfiguration configuration, ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        await using var turn = options.Provider == DatabaseProvider.PostgreSql
            ? await PostgresStartupLock.TakeAsync(options.PostgreSqlConnection!, logger, ct)
            : null;

        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && file != ":memory:")
        {
            // Made 0600 before SQLite creates it; SQLite gives its -wal and -shm files the same mode.
            PrivateFiles.PrepareSqliteFile(file);
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Hangfire creates its own tables in PostgreSQL when its storage is first used: that too is done in turn.
        _ = services.GetService<JobStorage>();

        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (configuration.GetValue("Seed:DemoData", false))
        {
            var accounts = await demo.SeedAsync(ct);
            logger.LogInformation("Demo sign-in (password for every account: {Password}):{Accounts}",
                demo.Password, string.Concat(accounts.Select(a => $"{Environment.NewLine}  {a.Role,-24} {a.Email}")));
        }

        await statistics.RefreshAsync(ct);
    }
}
