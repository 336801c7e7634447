using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisseminationLogAndStepUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StateBefore",
                table: "JournalEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UndoneById",
                table: "JournalEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisseminationEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationEntries_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_UndoneById",
                table: "JournalEntries",
                column: "UndoneById");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEntries_ReviewId_HeldOn",
                table: "DisseminationEntries",
                columns: new[] { "ReviewId", "HeldOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_JournalEntries_UndoneById",
                table: "JournalEntries",
                column: "UndoneById",
                principalTable: "JournalEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_JournalEntries_UndoneById",
                table: "JournalEntries");

            migrationBuilder.DropTable(
                name: "DisseminationEntries");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_UndoneById",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "StateBefore",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "UndoneById",
                table: "JournalEntries");
        }
    }
}
