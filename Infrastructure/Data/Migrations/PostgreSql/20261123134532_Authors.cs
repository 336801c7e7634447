using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FeePence = table.Column<long>(type: "bigint", nullable: false),
                    AppointedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpressionOfInterestId = table.Column<long>(type: "bigint", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EndedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Specialisms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Areas = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DbsCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Availability = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DayRatePence = table.Column<long>(type: "bigint", nullable: true),
                    ReviewFeePence = table.Column<long>(type: "bigint", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1800)", maxLength: 1800, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReopensId = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExpressionOfInterestId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WorkItemId = table.Column<long>(type: "bigint", nullable: true),
                    Interested = table.Column<bool>(type: "boolean", nullable: true),
                    Availability = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    QuotePence = table.Column<long>(type: "bigint", nullable: true),
                    Conflicts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RepliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
