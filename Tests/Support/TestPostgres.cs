namespace Portal.Testing;

/// The PostgreSQL server the test command starts (scripts/test.sh). Each test gets a database of its own.
public static class TestPostgres
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set: run the tests with scripts/test.sh, which starts a local PostgreSQL server, or set it to a server's connection string.");

    public static string NewDatabaseConnectionString() =>
        $"{ServerConnectionString};Database=portal_test_{Guid.NewGuid():N}";
}
