using Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// Sign-in cookies are protected with the data-protection key ring: it must outlive a restart (SQLite: the data folder)
/// and be shared by every process (PostgreSQL: the database).
public sealed class DataProtectionTests
{
    [Fact]
    public async Task Sqlite_KeyRingLivesInTheDataFolder_AndSurvivesARestart()
    {
        var dataPath = Directory.CreateTempSubdirectory("portal-keys-").FullName;
        string protectedText;
        await using (var first = new PortalFactory(demoData: false, dataPath: dataPath))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello");
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataPath, "keys"), "key-*.xml"));
        await using (var second = new PortalFactory(demoData: false, dataPath: dataPath))
        {
            Assert.Equal("hello", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        }

        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task PostgreSql_TwoProcessesShareTheKeyRingInTheDatabase()
    {
        var connection = TestPostgres.NewDatabaseConnectionString();
        await using var first = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false);
        first.Set("Database:PostgreSqlConnection", connection);
        await using var second = new PortalFactory(DatabaseProvider.PostgreSql, demoData: false);
        second.Set("Database:PostgreSqlConnection", connection);

        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello");

        Assert.Equal("hello", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.True(await first.WithDbAsync(db => ((ReviewDb)db).DataProtectionKeys.AnyAsync()));
    }
}
