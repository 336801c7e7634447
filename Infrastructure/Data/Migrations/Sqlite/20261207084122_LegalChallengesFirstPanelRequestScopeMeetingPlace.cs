using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalChallengesFirstPanelRequestScopeMeetingPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstPanelBeforeImportOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Needed",
                table: "InformationRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodFrom",
                table: "InformationRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodTo",
                table: "InformationRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TermsOfReference",
                table: "InformationRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "CrgMeetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartsAt",
                table: "CrgMeetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LegalChallenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LodgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AppealOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalChallenges_LegalChallenges_AppealOfId",
                        column: x => x.AppealOfId,
                        principalTable: "LegalChallenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalChallenges_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalChallenges_AppealOfId",
                table: "LegalChallenges",
                column: "AppealOfId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalChallenges_ReviewId",
                table: "LegalChallenges",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalChallenges");

            migrationBuilder.DropColumn(
                name: "FirstPanelBeforeImportOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Needed",
                table: "InformationRequests");

            migrationBuilder.DropColumn(
                name: "PeriodFrom",
                table: "InformationRequests");

            migrationBuilder.DropColumn(
                name: "PeriodTo",
                table: "InformationRequests");

            migrationBuilder.DropColumn(
                name: "TermsOfReference",
                table: "InformationRequests");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "CrgMeetings");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "CrgMeetings");
        }
    }
}
