using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewId",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationEmail",
                table: "Organisations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ReviewId",
                table: "OutboxMessages",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ReviewId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ReviewId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "EscalationEmail",
                table: "Organisations");
        }
    }
}
