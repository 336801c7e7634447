using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionEnteredDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionUpdates_ActionId_AtUtc",
                table: "ActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_ActionChanges_ActionId_AtUtc",
                table: "ActionChanges");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreedOn",
                table: "PlanActions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "AsAt",
                table: "ActionUpdates",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreedOn",
                table: "ActionChanges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The rows already there get the London date they were recorded (ActionDatesBackfill).
            foreach (var sql in ActionDatesBackfill.Statements(postgres: false))
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_AsAt",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "AsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionChanges_ActionId_AgreedOn",
                table: "ActionChanges",
                columns: new[] { "ActionId", "AgreedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionUpdates_ActionId_AsAt",
                table: "ActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_ActionChanges_ActionId_AgreedOn",
                table: "ActionChanges");

            migrationBuilder.DropColumn(
                name: "AgreedOn",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "AsAt",
                table: "ActionUpdates");

            migrationBuilder.DropColumn(
                name: "AgreedOn",
                table: "ActionChanges");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_AtUtc",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionChanges_ActionId_AtUtc",
                table: "ActionChanges",
                columns: new[] { "ActionId", "AtUtc" });
        }
    }
}
