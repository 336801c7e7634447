using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewsLedElsewhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewsLedElsewhere",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LeadCsp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TheirReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CaseLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CspId = table.Column<int>(type: "integer", nullable: true),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(940)", maxLength: 940, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(1164)", maxLength: 1164, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(340)", maxLength: 340, nullable: true),
                    KnownSince = table.Column<DateOnly>(type: "date", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(453)", maxLength: 453, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewsLedElsewhere", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewsLedElsewhere_Organisations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewsLedElsewhere_Organisations_CspId",
                        column: x => x.CspId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewsLedElsewhere_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElsewhereUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElsewhereUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElsewhereUpdates_ReviewsLedElsewhere_RecordId",
                        column: x => x.RecordId,
                        principalTable: "ReviewsLedElsewhere",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ElsewhereUpdates_RecordId_AsAt",
                table: "ElsewhereUpdates",
                columns: new[] { "RecordId", "AsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewsLedElsewhere_AgencyId",
                table: "ReviewsLedElsewhere",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewsLedElsewhere_CspId",
                table: "ReviewsLedElsewhere",
                column: "CspId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewsLedElsewhere_OfficeId_KnownSince",
                table: "ReviewsLedElsewhere",
                columns: new[] { "OfficeId", "KnownSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ElsewhereUpdates");

            migrationBuilder.DropTable(
                name: "ReviewsLedElsewhere");
        }
    }
}
