using Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// Data only (no change to the model): the themes added in issue 18 (ThemesAddedLater says how).
    [DbContext(typeof(PostgresReviewDb))]
    [Migration("20261207125500_ThemesAddedLater")]
    public partial class ThemesAddedLater : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::Infrastructure.Data.Migrations.ThemesAddedLater.PostgreSql)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The themes stay: reviews may be tagged with them by now.
        }
    }
}
