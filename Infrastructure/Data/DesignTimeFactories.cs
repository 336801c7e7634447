using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Infrastructure.Data;

// Let `dotnet ef migrations add X --project Infrastructure --context SqliteReviewDb|PostgresReviewDb` run without the Portal.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReviewDb>
{
    public SqliteReviewDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReviewDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReviewDb>
{
    public PostgresReviewDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReviewDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
