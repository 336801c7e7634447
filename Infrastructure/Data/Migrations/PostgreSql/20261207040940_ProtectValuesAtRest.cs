using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProtectValuesAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PerpetratorNames",
                table: "ReviewRestrictedDetails",
                type: "character varying(1740)",
                maxLength: 1740,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DeceasedNames",
                table: "ReviewRestrictedDetails",
                type: "character varying(1740)",
                maxLength: 1740,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedValues",
                table: "OutboxMessages",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Who",
                table: "FamilyContacts",
                type: "character varying(940)",
                maxLength: 940,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "FamilyContacts",
                type: "character varying(16140)",
                maxLength: 16140,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedValues",
                table: "OutboxMessages");

            migrationBuilder.AlterColumn<string>(
                name: "PerpetratorNames",
                table: "ReviewRestrictedDetails",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1740)",
                oldMaxLength: 1740,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DeceasedNames",
                table: "ReviewRestrictedDetails",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1740)",
                oldMaxLength: 1740,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Who",
                table: "FamilyContacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(940)",
                oldMaxLength: 940);

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "FamilyContacts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16140)",
                oldMaxLength: 16140);
        }
    }
}
