using Domain.Access;
using Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows.Access;
using Workflows.Data;
using Workflows.Time;

namespace Portal.Testing;

/// The real portal (Program.cs) on a fresh data folder of its own, with business time pinned by a FakeTimeProvider.
/// Sign-in cookies keep the system clock: only the business clock is fake (ARCHITECTURE.md, Data).
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsData;
    private readonly List<Action<IServiceCollection>> _services = [];
    private string? _environment;

    /// dataPath / postgresConnection: share another portal's data (a restart, or a second process); the data then
    /// outlives this factory. Job servers are off (Jobs:Enabled=false): tests run the timer sweep themselves.
    public PortalFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, bool demoData = true, bool kestrel = false,
        string? dataPath = null, string? postgresConnection = null)
    {
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Directory.CreateTempSubdirectory("portal-test-").FullName;
        _settings = new()
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:DataPath"] = DataPath,
            ["Seed:DemoData"] = demoData ? "true" : "false",
            // The demo password is new and random each time unless fixed: tests sign in with a known one.
            ["Seed:DemoPassword"] = DemoPassword,
            ["Jobs:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Existing tests sign in with a password alone; tests of the policy set it (RequireTwoFactorFor).
            ["Security:RequireTwoFactorForRoles"] = string.Empty,
            // Many tests sign in again and again from one address; tests of the limits set their own (LimitSignIns).
            ["Security:SignInAttemptsPerAddress"] = "0",
            ["Security:SignInAttemptsPerAccount"] = "0",
        };
        if (provider == DatabaseProvider.PostgreSql)
        {
            PostgresConnection = postgresConnection ?? TestPostgres.NewDatabaseConnectionString();
            _settings["Database:PostgreSqlConnection"] = PostgresConnection;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public FakeTimeProvider Time { get; } = new(DefaultNow);

    /// Every line the portal logs at Warning or above.
    public LogCapture Logs { get; } = new();

    public string DataPath { get; }

    public string? PostgresConnection { get; }

    public const string DemoPasswordForTests = "Demo-Password-2026!";

    public string DemoPassword => DemoPasswordForTests;

    /// The root address when started with Kestrel (for the browser).
    public string ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
        }
    }

    public void Set(string key, string? value) => _settings[key] = value;

    /// Security:RequireTwoFactorForRoles for this portal (before it starts), e.g. "IndependentAuthor,CrgMember".
    public PortalFactory RequireTwoFactorFor(params string[] roles)
    {
        Set("Security:RequireTwoFactorForRoles", string.Join(',', roles));
        return this;
    }

    /// Security:SignInAttempts* for this portal: posts allowed per address and per account (0: no limit) in each window.
    public PortalFactory LimitSignIns(int perAddress, int perAccount, TimeSpan window)
    {
        Set("Security:SignInAttemptsPerAddress", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Security:SignInAttemptsPerAccount", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Security:SignInAttemptWindow", window.ToString("c"));
        return this;
    }

    /// Services of the test's own, registered after the portal's (e.g. a counting decorator).
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// Security:SessionRevalidation, short in tests of a disabled account's open page.
    public PortalFactory RevalidateSessionsEvery(TimeSpan interval)
    {
        Set("Security:SessionRevalidation", interval.ToString("c"));
        return this;
    }

    /// The hosting environment (Development unless a test asks, e.g. for the checks of Production).
    public PortalFactory InEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// Email through maildev (scripts/test.sh) instead of the pickup folder.
    public PortalFactory SendEmailThrough(MailDev mail)
    {
        Set("Email:Transport", "Smtp");
        Set("Email:Smtp:Host", "127.0.0.1");
        Set("Email:Smtp:Port", mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Email:Smtp:TlsMode", "None");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_environment is not null)
        {
            builder.UseEnvironment(_environment);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new BusinessClock(Time));
            _services.ForEach(configure => configure(services));
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public async Task<T> WithDbAsync<T>(Func<IReviewDb, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IReviewDbFactory>().CreateAsync();
        return await work(db);
    }

    public Task<Actor> ActorAsync(string email) => WithDbAsync(async db =>
    {
        var id = db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefault();
        return await ActorLoader.LoadAsync(db, id);
    });

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
