using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionPlanTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionPlanTeams",
                columns: table => new
                {
                    CspId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanTeams", x => x.CspId);
                    table.ForeignKey(
                        name: "FK_ActionPlanTeams_Organisations_CspId",
                        column: x => x.CspId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanTeamMembers",
                columns: table => new
                {
                    CspId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanTeamMembers", x => new { x.CspId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ActionPlanTeamMembers_ActionPlanTeams_CspId",
                        column: x => x.CspId,
                        principalTable: "ActionPlanTeams",
                        principalColumn: "CspId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlanTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanTeamMembers_UserId",
                table: "ActionPlanTeamMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanTeamMembers");

            migrationBuilder.DropTable(
                name: "ActionPlanTeams");
        }
    }
}
