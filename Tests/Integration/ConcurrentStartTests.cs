using System.Net;
using Domain.Access;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// Issue 17: portal processes started together on one empty PostgreSQL database take turns to create, migrate and seed
/// it (PostgresStartupLock). Before, one of two crashed with 42P04 "database already exists".
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task TwoProcesses_StartedAtOnceOnAnEmptyDatabase_BothAnswer_AndTheRolesAreCreatedOnce()
    {
        var connection = TestPostgres.NewDatabaseConnectionString();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:PostgreSqlConnection"] = connection,
            ["Database:DataPath"] = Directory.CreateTempSubdirectory("portal-concurrent-").FullName,
            // The job server too: Hangfire creates its tables on start, and must do so once.
            ["Seed:DemoData"] = "false",
            ["Jobs:Enabled"] = "true",
            // dotnet Portal.dll runs in the Production environment, which refuses the pickup folder (ProductionSettings).
            ["Email:Transport"] = "Smtp",
        };

        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(() => PortalProcess.StartServer(settings))).ToArray();
        using var first = await starts[0];
        using var second = await starts[1];

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        foreach (var portal in new[] { first, second })
        {
            var address = await portal.ServerAddressAsync();
            using var response = await http.GetAsync(new Uri(address + "Account/Login"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}{Environment.NewLine}{portal.Output}");
        }

        await using var factory = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, postgresConnection: connection);
        var roles = await factory.WithDbAsync(db => db.Roles.Select(r => r.Name!).ToListAsync());
        Assert.Equal(Enum.GetNames<Role>().Order(), roles.Order());
    }
}
