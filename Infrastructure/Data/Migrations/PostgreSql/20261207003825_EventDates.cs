using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EventDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_ReviewId_AtUtc",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_CaseUpdates_ReviewId_AtUtc",
                table: "CaseUpdates");

            migrationBuilder.RenameColumn(
                name: "AtUtc",
                table: "JournalEntries",
                newName: "RecordedAtUtc");

            migrationBuilder.RenameColumn(
                name: "AtUtc",
                table: "CaseUpdates",
                newName: "RecordedAtUtc");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OccurredOn",
                table: "JournalEntries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "AsAt",
                table: "CaseUpdates",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ReviewId_OccurredOn",
                table: "JournalEntries",
                columns: new[] { "ReviewId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUpdates_ReviewId_AsAt",
                table: "CaseUpdates",
                columns: new[] { "ReviewId", "AsAt" });

            // The rows already there get their dates (EventDatesBackfill says from what).
            foreach (var sql in EventDatesBackfill.PostgreSql)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_ReviewId_OccurredOn",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_CaseUpdates_ReviewId_AsAt",
                table: "CaseUpdates");

            migrationBuilder.DropColumn(
                name: "OccurredOn",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "AsAt",
                table: "CaseUpdates");

            migrationBuilder.RenameColumn(
                name: "RecordedAtUtc",
                table: "JournalEntries",
                newName: "AtUtc");

            migrationBuilder.RenameColumn(
                name: "RecordedAtUtc",
                table: "CaseUpdates",
                newName: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ReviewId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "ReviewId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUpdates_ReviewId_AtUtc",
                table: "CaseUpdates",
                columns: new[] { "ReviewId", "AtUtc" });
        }
    }
}
