using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildDashboard.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "Programmes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionVi",
                table: "DataElements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "DataElements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
