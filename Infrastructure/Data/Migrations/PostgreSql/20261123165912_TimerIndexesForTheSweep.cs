using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TimerIndexesForTheSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_ClaimedBy",
                table: "Timers");

            migrationBuilder.DropIndex(
                name: "IX_Timers_ReviewId_Status",
                table: "Timers");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_ReviewId",
                table: "Timers",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_ReviewId",
                table: "Timers");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_ClaimedBy",
                table: "Timers",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_ReviewId_Status",
                table: "Timers",
                columns: new[] { "ReviewId", "Status" });
        }
    }
}
