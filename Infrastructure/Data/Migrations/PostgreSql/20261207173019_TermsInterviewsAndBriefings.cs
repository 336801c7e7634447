using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TermsInterviewsAndBriefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Interviewee = table.Column<string>(type: "character varying(620)", maxLength: 620, nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Consent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NotSoughtReason = table.Column<string>(type: "character varying(2140)", maxLength: 2140, nullable: true),
                    ConductedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interviews_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewBriefings",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(16140)", maxLength: 16140, nullable: true),
                    Themes = table.Column<string>(type: "character varying(8140)", maxLength: 8140, nullable: true),
                    Recommendations = table.Column<string>(type: "character varying(32140)", maxLength: 32140, nullable: true),
                    Questions = table.Column<string>(type: "character varying(8140)", maxLength: 8140, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewBriefings", x => x.ReviewId);
                    table.ForeignKey(
                        name: "FK_ReviewBriefings_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TermsOfReference",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(32140)", maxLength: 32140, nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangeReason = table.Column<string>(type: "character varying(4140)", maxLength: 4140, nullable: true),
                    FamilyInvited = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyContributed = table.Column<bool>(type: "boolean", nullable: true),
                    FamilyAsked = table.Column<string>(type: "character varying(8140)", maxLength: 8140, nullable: true),
                    NotInvitedReason = table.Column<string>(type: "character varying(4140)", maxLength: 4140, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermsOfReference", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermsOfReference_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_ReviewId_HeldOn",
                table: "Interviews",
                columns: new[] { "ReviewId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TermsOfReference_ReviewId_Number",
                table: "TermsOfReference",
                columns: new[] { "ReviewId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Interviews");

            migrationBuilder.DropTable(
                name: "ReviewBriefings");

            migrationBuilder.DropTable(
                name: "TermsOfReference");
        }
    }
}
