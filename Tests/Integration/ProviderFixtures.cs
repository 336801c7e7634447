using Infrastructure.Data;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// One portal (with demo data) per test class and provider. Tests add their own reviews and never depend on order.
public abstract class ProviderFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new(provider);

    public Task InitializeAsync()
    {
        _ = Portal.Services; // builds the host: migrates and seeds
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

public sealed class SqliteFixture() : ProviderFixture(DatabaseProvider.Sqlite);

public sealed class PostgresFixture() : ProviderFixture(DatabaseProvider.PostgreSql);

/// A portal per provider whose email goes to maildev (the real SMTP server, started by scripts/test.sh). Tests read
/// only the mail of recipients of their own, since test classes run at the same time. As a class fixture: one portal
/// per class. As the base of a test class: a portal per test (xunit creates the class for each test), business time
/// starting at startsAt.
public abstract class MailFixture(DatabaseProvider provider, DateTimeOffset? startsAt = null) : IAsyncLifetime
{
    public MailDev Mail { get; } = new();

    public PortalFactory Portal { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Portal = new PortalFactory(provider).SendEmailThrough(Mail);
        if (startsAt is { } now)
        {
            Portal.Time.SetUtcNow(now);
        }

        _ = Portal.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        Mail.Dispose();
    }
}

public sealed class SqliteMailFixture() : MailFixture(DatabaseProvider.Sqlite);

public sealed class PostgresMailFixture() : MailFixture(DatabaseProvider.PostgreSql);
