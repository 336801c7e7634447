using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueIndexesWithAssignee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AgencyId_Status_DueDate",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CandidateUserId_Status_DueDate",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AgencyId_Status_AssigneeUserId_DueDate",
                table: "WorkItems",
                columns: new[] { "AgencyId", "Status", "AssigneeUserId", "DueDate" },
                filter: "\"AgencyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CandidateUserId_Status_AssigneeUserId_DueDate",
                table: "WorkItems",
                columns: new[] { "CandidateUserId", "Status", "AssigneeUserId", "DueDate" },
                filter: "\"CandidateUserId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AgencyId_Status_AssigneeUserId_DueDate",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CandidateUserId_Status_AssigneeUserId_DueDate",
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
        }
    }
}
