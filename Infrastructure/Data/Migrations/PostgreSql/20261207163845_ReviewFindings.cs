using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewFindings",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Predictable = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PredictableWords = table.Column<string>(type: "character varying(8140)", maxLength: 8140, nullable: true),
                    Preventable = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PreventableWords = table.Column<string>(type: "character varying(8140)", maxLength: 8140, nullable: true),
                    ReportDated = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFindings", x => x.ReviewId);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewFindings");
        }
    }
}
