using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ChairAuthorAppointedBeforeImportOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsImported",
                table: "JournalEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BudgetContributions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PartnerOrganisationId = table.Column<int>(type: "integer", nullable: true),
                    PartnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    InvoicedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetContributions_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetContributions_Organisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetCosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    AuthorAppointmentId = table.Column<long>(type: "bigint", nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetCosts_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetCosts_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PooledBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    FirstYearStart = table.Column<int>(type: "integer", nullable: false),
                    FirstYearOpeningReservePence = table.Column<long>(type: "bigint", nullable: false),
                    ExpectedReviewsPerYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PooledBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PooledBudgets_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetContributions_OfficeId_FinancialYearStart",
                table: "BudgetContributions",
                columns: new[] { "OfficeId", "FinancialYearStart" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetContributions_PartnerOrganisationId",
                table: "BudgetContributions",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetCosts_OfficeId_FinancialYearStart",
                table: "BudgetCosts",
                columns: new[] { "OfficeId", "FinancialYearStart" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetCosts_ReviewId",
                table: "BudgetCosts",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledBudgets_OfficeId",
                table: "PooledBudgets",
                column: "OfficeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetContributions");

            migrationBuilder.DropTable(
                name: "BudgetCosts");

            migrationBuilder.DropTable(
                name: "PooledBudgets");

            migrationBuilder.DropColumn(
                name: "ChairAuthorAppointedBeforeImportOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "IsImported",
                table: "JournalEntries");
        }
    }
}
