using Infrastructure.Data;
using Infrastructure.Jobs;
using Infrastructure.Email;
using Infrastructure.Files;
using Infrastructure.Identity;
using Infrastructure.Security;
using Infrastructure.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Email;

namespace Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataPath = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
        // Readable by the service account only (0700, files 0600): the database, the key ring, documents, mail. What
        // an earlier release wrote there readable by others is tightened too.
        PrivateFiles.CreateFolder(dataPath);
        PrivateFiles.TightenTree(dataPath);
        services.AddSingleton(new DataFolder(dataPath));
        services.AddSingleton(options);

        var dataProtection = services.AddDataProtection().SetApplicationName("ReviewPortal");
        (configuration.GetSection("DataProtection").Get<KeyRingOptions>() ?? new KeyRingOptions()).Apply(dataProtection);
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var connection = options.PostgreSqlConnection
                    ?? throw new InvalidOperationException("Database:PostgreSqlConnection must be set when Database:Provider is PostgreSql.");
                AddContext<PostgresReviewDb>(services, o => o.UseNpgsql(connection));
                // Several portal processes share one key ring, so a sign-in works on any of them.
                dataProtection.PersistKeysToDbContext<PostgresReviewDb>();
                break;
            default:
                var file = options.SqliteFile(dataPath);
                AddContext<SqliteReviewDb>(services, o => o.UseSqlite($"Data Source={file};Foreign Keys=True"));
                PrivateKeyRing.PersistTo(dataProtection, new DirectoryInfo(Path.Combine(dataPath, "keys")));
                break;
        }

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddUserStore<ProtectedUserStore>()
            .AddEntityFrameworkStores<ReviewDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider (same name): each code is accepted once.
            .AddTokenProvider<Security.SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.TryAddSingleton(TimeProvider.System);

        services.AddJobs(configuration, options);
        services.AddOperations(configuration);
        services.AddSingleton<IEmailTemplates>(new FileEmailTemplates(FileEmailTemplates.DefaultFolder));
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var email = sp.GetRequiredService<EmailOptions>();
            return email.Transport == EmailTransportKind.Smtp
                ? new SmtpEmailTransport(email)
                : new PickupFolderTransport(Path.Combine(dataPath, PickupFolderTransport.DefaultFolder), email);
        });

        services.AddSingleton<IDocumentStorage>(sp =>
        {
            var documents = sp.GetRequiredService<DocumentOptions>();
            return documents.Store == DocumentStore.Database
                ? new Documents.DatabaseDocumentStorage(sp.GetRequiredService<IReviewDbFactory>())
                : new Documents.FolderDocumentStorage(Path.Combine(dataPath, string.IsNullOrWhiteSpace(documents.Folder) ? "documents" : documents.Folder));
        });

        services.AddSingleton(configuration.GetSection("Backup").Get<Backups.BackupOptions>() ?? new Backups.BackupOptions());
        services.AddSingleton<Backups.SqliteBackup>();
        services.AddSingleton<Backups.BackupRestore>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<ProtectPlainValues>();
        services.AddSingleton<PlannerStatistics>();
        services.AddScoped<Seeding.DemoData>();
        return services;
    }

    private static void AddContext<TDb>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TDb : ReviewDb
    {
        services.AddDbContextFactory<TDb>(configure);
        services.AddScoped<ReviewDb>(sp => sp.GetRequiredService<TDb>());
        services.AddSingleton<IReviewDbFactory, ReviewDbFactory<TDb>>();
    }
}

public sealed record DataFolder(string Path);
