using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildDashboard.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TargetOrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAudits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAudits_AtUtc",
                table: "AdminAudits",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AdminAudits_TargetOrgUnitId",
                table: "AdminAudits",
                column: "TargetOrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAudits");
        }
    }
}
