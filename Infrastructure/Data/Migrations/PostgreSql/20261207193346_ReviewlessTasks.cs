using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewlessTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "WorkItems",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<long>(
                name: "WorkItemId",
                table: "CommissionerRecommendations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionerRecommendations_WorkItemId",
                table: "CommissionerRecommendations",
                column: "WorkItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_CommissionerRecommendations_WorkItems_WorkItemId",
                table: "CommissionerRecommendations",
                column: "WorkItemId",
                principalTable: "WorkItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommissionerRecommendations_WorkItems_WorkItemId",
                table: "CommissionerRecommendations");

            migrationBuilder.DropIndex(
                name: "IX_CommissionerRecommendations_WorkItemId",
                table: "CommissionerRecommendations");

            migrationBuilder.DropColumn(
                name: "WorkItemId",
                table: "CommissionerRecommendations");

            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "WorkItems",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
