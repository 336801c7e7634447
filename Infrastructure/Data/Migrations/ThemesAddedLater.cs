using Domain.Themes;

namespace Infrastructure.Data.Migrations;

/// Issue 18: the themes of Theme.AddedLater, for every database, new or existing. A theme whose name is there already,
/// in any case (an administrator added it), is left as it is; a new one goes last in its group. The same statements for
/// both providers but for how they write a boolean. Public for its test.
public static class ThemesAddedLater
{
    public static IEnumerable<string> Sqlite => Statements("1");

    public static IEnumerable<string> PostgreSql => Statements("true");

    private static IEnumerable<string> Statements(string yes) => Theme.AddedLater.Select(t =>
    {
        var name = t.Name.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            INSERT INTO "Themes" ("Name", "Group", "IsActive", "SortOrder")
            SELECT '{name}', '{t.Group}', {yes}, (SELECT COALESCE(MAX("SortOrder"), 0) + 10 FROM "Themes" WHERE "Group" = '{t.Group}')
            WHERE NOT EXISTS (SELECT 1 FROM "Themes" WHERE lower("Name") = lower('{name}'))
            """;
    });
}
