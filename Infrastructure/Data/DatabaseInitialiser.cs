using System.Diagnostics;
using Domain.Access;
using Hangfire;
using Infrastructure.Documents;
using Infrastructure.Files;
using Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Documents;

namespace Infrastructure.Data;

/// Creates and migrates the database on start, protects what an earlier release kept in plain (ProtectPlainValues),
/// opens the tasks of the Commissioner's recommendations recorded before they had any (CommissionerTask.BackfillAsync),
/// creates the roles, seeds the demo data set once when asked for, brings the planner's statistics up to date (SQLite)
/// and checks the documents folder (DocumentFolderCheck). Several processes may start at once on one PostgreSQL
/// database: they take turns (PostgresStartupLock), so only the first creates, migrates and seeds, and the others find
/// it done. In the Production environment it refuses demo data: asked for, or already in the database
/// (StartRefusedException).
public sealed class DatabaseInitialiser(ReviewDb db, RoleManager<IdentityRole> roles, DemoData demo, PlannerStatistics statistics,
    ProtectPlainValues protectPlainValues, DatabaseOptions options, IDocumentStorage documents, IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
    ILogger<DatabaseInitialiser> logger)
{
    /// The demo data set when this start created it (its password is then shown once, on the console), else null.
    public async Task<SeededDemo?> InitialiseAsync(CancellationToken ct = default)
    {
        var demoAsked = configuration.GetValue("Seed:DemoData", false);
        if (demoAsked && environment.IsProduction())
        {
            throw new StartRefusedException("The demo data set (--demo, or Seed:DemoData=true) is for trying the portal, and its accounts "
                + "are known to anyone with this console: it is refused in the Production environment. Leave Seed:DemoData unset for a real deployment.");
        }

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

        // A database an earlier release wrote holds real names, authenticator keys and invitation links in plain.
        await protectPlainValues.RunAsync(ct);

        // The Commissioner's recommendations recorded before they had tasks get theirs, once.
        var opened = await Workflows.Commissioner.CommissionerTask.BackfillAsync(db, services.GetRequiredService<Workflows.Time.BusinessClock>().UtcNow, ct);
        if (opened > 0)
        {
            logger.LogInformation("Opened {Count} task(s) for the Commissioner's recommendations still open", opened);
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

        var seeding = Stopwatch.GetTimestamp();
        var seeded = demoAsked ? await demo.SeedAsync(ct) : null;
        if (seeded is not null)
        {
            // Many tests start on a new demo data set: its cost shows here.
            logger.LogInformation("Demo data set created in {Seconds:0.0} s", Stopwatch.GetElapsedTime(seeding).TotalSeconds);
        }

        if (environment.IsProduction() && await demo.AccountsExistAsync(ct))
        {
            throw new StartRefusedException("This database holds the demo accounts (admin@example.org and the others of the demo data set), "
                + "whose password was shown on a console: the portal does not start in the Production environment with them. "
                + "Start with a new, empty database (Database:DataPath or Database:PostgreSqlConnection) for a real deployment.");
        }

        await statistics.RefreshAsync(ct);
        if (documents is FolderDocumentStorage folder)
        {
            await DocumentFolderCheck.CheckAsync(folder, db, logger, ct);
        }

        return seeded;
    }
}

/// The portal must not start as configured; the message says why and what to do.
public sealed class StartRefusedException(string message) : Exception(message);
