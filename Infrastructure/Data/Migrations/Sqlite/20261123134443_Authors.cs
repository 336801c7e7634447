using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Authors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuthorAppointments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FeePence = table.Column<long>(type: "INTEGER", nullable: false),
                    AppointedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpressionOfInterestId = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EndedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorAppointments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuthorAppointments_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuthorProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Specialisms = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DbsCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DayRatePence = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewFeePence = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1800, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpressionsOfInterest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReopensId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpressionsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EoiRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpressionOfInterestId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WorkItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Interested = table.Column<bool>(type: "INTEGER", nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QuotePence = table.Column<long>(type: "INTEGER", nullable: true),
                    Conflicts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EoiRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EoiRecipients_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EoiRecipients_ExpressionsOfInterest_ExpressionOfInterestId",
                        column: x => x.ExpressionOfInterestId,
                        principalTable: "ExpressionsOfInterest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorAppointments_ReviewId_EndedOn",
                table: "AuthorAppointments",
                columns: new[] { "ReviewId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorAppointments_UserId",
                table: "AuthorAppointments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorProfiles_Name",
                table: "AuthorProfiles",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorProfiles_UserId",
                table: "AuthorProfiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EoiRecipients_ExpressionOfInterestId_UserId",
                table: "EoiRecipients",
                columns: new[] { "ExpressionOfInterestId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EoiRecipients_UserId",
                table: "EoiRecipients",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_ReviewId",
                table: "ExpressionsOfInterest",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorAppointments");

            migrationBuilder.DropTable(
                name: "AuthorProfiles");

            migrationBuilder.DropTable(
                name: "EoiRecipients");

            migrationBuilder.DropTable(
                name: "ExpressionsOfInterest");
        }
    }
}
