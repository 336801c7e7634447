using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IsImported = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseUpdates_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewThemes",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewThemes", x => new { x.ReviewId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_ReviewThemes_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Themes",
                columns: new[] { "Id", "Group", "IsActive", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, "Abuse", true, "Coercive control", 10 },
                    { 2, "Abuse", true, "Economic abuse", 20 },
                    { 3, "Abuse", true, "Stalking", 30 },
                    { 4, "Abuse", true, "Physical abuse", 40 },
                    { 5, "Abuse", true, "Emotional abuse", 50 },
                    { 6, "Abuse", true, "Sexual abuse", 60 },
                    { 7, "Circumstance", true, "Separation", 110 },
                    { 8, "Circumstance", true, "Children present", 120 },
                    { 9, "Circumstance", true, "Mental health", 130 },
                    { 10, "Circumstance", true, "Alcohol", 140 },
                    { 11, "Circumstance", true, "Substance misuse", 150 },
                    { 12, "Circumstance", true, "Caring responsibilities", 160 },
                    { 13, "Practice", true, "Risk assessment", 210 },
                    { 14, "Practice", true, "MARAC", 220 },
                    { 15, "Practice", true, "Information sharing", 230 },
                    { 16, "Practice", true, "Professional curiosity", 240 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUpdates_ReviewId_AtUtc",
                table: "CaseUpdates",
                columns: new[] { "ReviewId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewThemes_ThemeId",
                table: "ReviewThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_Name",
                table: "Themes",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseUpdates");

            migrationBuilder.DropTable(
                name: "ReviewThemes");

            migrationBuilder.DropTable(
                name: "Themes");
        }
    }
}
