using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenchmarkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AgencyId",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_DueDate",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AgencyId_Status_DueDate",
                table: "WorkItems",
                columns: new[] { "AgencyId", "Status", "DueDate" },
                filter: "\"AgencyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CandidateUserId_Status_DueDate",
                table: "WorkItems",
                columns: new[] { "CandidateUserId", "Status", "DueDate" },
                filter: "\"CandidateUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_OfficeId_DueDate",
                table: "WorkItems",
                columns: new[] { "Status", "OfficeId", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AgencyId_Status_DueDate",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CandidateUserId_Status_DueDate",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_OfficeId_DueDate",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AgencyId",
                table: "WorkItems",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_DueDate",
                table: "WorkItems",
                columns: new[] { "Status", "DueDate" });
        }
    }
}
