using Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// Data only (no change to the model): directed reviews get back their CRG decision date (CrgDecisionDateBackfill says why).
    [DbContext(typeof(PostgresReviewDb))]
    [Migration("20261207131500_DirectedDecisionDates")]
    public partial class DirectedDecisionDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CrgDecisionDateBackfill.Statement(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The direction's date is on its journal entry: nothing to put back.
        }
    }
}
