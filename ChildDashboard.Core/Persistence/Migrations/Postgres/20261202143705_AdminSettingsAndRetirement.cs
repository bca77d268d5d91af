using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildDashboard.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdminSettingsAndRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "ValidationRules",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "Programmes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "Indicators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionVi",
                table: "DataElements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "DataElements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemSettings", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SystemSettings");

            migrationBuilder.DropColumn(
                name: "RetiredFrom",
                table: "ValidationRules");

            migrationBuilder.DropColumn(
                name: "RetiredFrom",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "RetiredFrom",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DescriptionVi",
                table: "DataElements");

            migrationBuilder.DropColumn(
                name: "RetiredFrom",
                table: "DataElements");
        }
    }
}
