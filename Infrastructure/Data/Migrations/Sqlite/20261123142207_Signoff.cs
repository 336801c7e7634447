using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QaPointsOutstanding",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CrgMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PapersSharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrgMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrgMeetings_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeOfficeSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommissionerCopyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverviewReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverviewReportDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutiveSummary = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExecutiveSummaryDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActionPlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActionPlanDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    DataCollectionForm = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataCollectionFormDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    QaOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    QaOutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeOfficeSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeOfficeSubmissions_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CrgAgendaItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Proposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CarriedFromItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AlternativeReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutcomeRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutcomeRecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrgAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrgAgendaItems_CrgMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrgMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrgAgendaItems_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaFeedbackPoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AddressedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AddressedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaFeedbackPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaFeedbackPoints_HomeOfficeSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "HomeOfficeSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrgAmendments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrgAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrgAmendments_CrgAgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "CrgAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrgAgendaItems_MeetingId_ReviewId",
                table: "CrgAgendaItems",
                columns: new[] { "MeetingId", "ReviewId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrgAgendaItems_ReviewId_Outcome",
                table: "CrgAgendaItems",
                columns: new[] { "ReviewId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_CrgAmendments_AgendaItemId",
                table: "CrgAmendments",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CrgAmendments_ReviewId",
                table: "CrgAmendments",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_CrgMeetings_OfficeId_MeetingDate",
                table: "CrgMeetings",
                columns: new[] { "OfficeId", "MeetingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeOfficeSubmissions_ReviewId_Number",
                table: "HomeOfficeSubmissions",
                columns: new[] { "ReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaFeedbackPoints_ReviewId",
                table: "QaFeedbackPoints",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_QaFeedbackPoints_SubmissionId",
                table: "QaFeedbackPoints",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrgAmendments");

            migrationBuilder.DropTable(
                name: "QaFeedbackPoints");

            migrationBuilder.DropTable(
                name: "CrgAgendaItems");

            migrationBuilder.DropTable(
                name: "HomeOfficeSubmissions");

            migrationBuilder.DropTable(
                name: "CrgMeetings");

            migrationBuilder.DropColumn(
                name: "QaPointsOutstanding",
                table: "Reviews");
        }
    }
}
