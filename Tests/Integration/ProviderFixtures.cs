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
