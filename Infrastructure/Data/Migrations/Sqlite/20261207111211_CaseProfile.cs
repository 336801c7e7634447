using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProfileFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 3240, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfileValues",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 13100, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileValues", x => new { x.ReviewId, x.FieldId });
                    table.ForeignKey(
                        name: "FK_ProfileValues_ProfileFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "ProfileFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProfileValues_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ProfileFields",
                columns: new[] { "Id", "Choices", "IsActive", "Key", "Kind", "Label", "SortOrder" },
                values: new object[,]
                {
                    { 1, "", true, "victim-age", "Number", "Victim's age", 10 },
                    { 2, "Under 16\n16 to 24\n25 to 34\n35 to 44\n45 to 54\n55 to 64\n65 to 74\n75 and over", true, "victim-age-band", "Choice", "Victim's age band (when the age is not known)", 20 },
                    { 3, "Female\nMale", true, "victim-sex", "Choice", "Victim's sex", 30 },
                    { 4, "Asian or Asian British\nBlack, Black British, Caribbean or African\nMixed or multiple ethnic groups\nWhite\nOther ethnic group\nNot known", true, "victim-ethnicity", "Choice", "Victim's ethnicity", 40 },
                    { 5, "", true, "victim-disability", "YesNo", "Victim had a disability", 50 },
                    { 6, "", true, "perpetrator-age", "Number", "Perpetrator's age", 110 },
                    { 7, "Under 16\n16 to 24\n25 to 34\n35 to 44\n45 to 54\n55 to 64\n65 to 74\n75 and over", true, "perpetrator-age-band", "Choice", "Perpetrator's age band (when the age is not known)", 120 },
                    { 8, "Female\nMale", true, "perpetrator-sex", "Choice", "Perpetrator's sex", 130 },
                    { 9, "Asian or Asian British\nBlack, Black British, Caribbean or African\nMixed or multiple ethnic groups\nWhite\nOther ethnic group\nNot known", true, "perpetrator-ethnicity", "Choice", "Perpetrator's ethnicity", 140 },
                    { 10, "", true, "perpetrator-disability", "YesNo", "Perpetrator had a disability", 150 },
                    { 11, "Intimate partner\nEx-partner\nFamily member\nMember of the same household\nOther", true, "relationship", "Choice", "Relationship of the perpetrator to the victim", 210 },
                    { 12, "Homicide\nSuicide\nHomicide-suicide\nOther", true, "death-kind", "Choice", "Kind of death", 220 },
                    { 13, "Sharp instrument\nBlunt instrument\nHitting or kicking\nStrangulation or suffocation\nShooting\nPoisoning or overdose\nHanging\nFall\nFire\nOther\nNot known", true, "death-method", "Choice", "Method", 230 },
                    { 14, "Police\nMARAC\nIDVA\nChildren's social care\nAdult social care\nHealth\nHousing\nSpecialist domestic abuse service\nOther", true, "known-to-agencies", "SeveralChoices", "Victim known to agencies for domestic abuse", 310 },
                    { 15, "", true, "children-in-household", "YesNo", "Children in the household", 320 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileFields_Key",
                table: "ProfileFields",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileValues_FieldId",
                table: "ProfileValues",
                column: "FieldId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfileValues");

            migrationBuilder.DropTable(
                name: "ProfileFields");
        }
    }
}
