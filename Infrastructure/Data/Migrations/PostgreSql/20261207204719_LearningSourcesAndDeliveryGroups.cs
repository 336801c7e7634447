using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LearningSourcesAndDeliveryGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "Recommendations",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "LearningSourceId",
                table: "Recommendations",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "PlanActions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "LearningSourceId",
                table: "PlanActions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Group",
                table: "Organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearningSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CspId = table.Column<int>(type: "integer", nullable: false),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningSources_Organisations_CspId",
                        column: x => x.CspId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningSources_Organisations_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_LearningSourceId_Number",
                table: "Recommendations",
                columns: new[] { "LearningSourceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_LearningSourceId_RecommendationId",
                table: "PlanActions",
                columns: new[] { "LearningSourceId", "RecommendationId" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningSources_CspId",
                table: "LearningSources",
                column: "CspId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningSources_OfficeId_AgreedOn",
                table: "LearningSources",
                columns: new[] { "OfficeId", "AgreedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_PlanActions_LearningSources_LearningSourceId",
                table: "PlanActions",
                column: "LearningSourceId",
                principalTable: "LearningSources",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Recommendations_LearningSources_LearningSourceId",
                table: "Recommendations",
                column: "LearningSourceId",
                principalTable: "LearningSources",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanActions_LearningSources_LearningSourceId",
                table: "PlanActions");

            migrationBuilder.DropForeignKey(
                name: "FK_Recommendations_LearningSources_LearningSourceId",
                table: "Recommendations");

            migrationBuilder.DropTable(
                name: "LearningSources");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_LearningSourceId_Number",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_PlanActions_LearningSourceId_RecommendationId",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "LearningSourceId",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "LearningSourceId",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "Group",
                table: "Organisations");

            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "Recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "ReviewId",
                table: "PlanActions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
