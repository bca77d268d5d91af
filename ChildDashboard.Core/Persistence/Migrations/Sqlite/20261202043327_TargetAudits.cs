using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildDashboard.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TargetAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OldBaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    OldBaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    OldTargetValue = table.Column<double>(type: "REAL", nullable: true),
                    OldSource = table.Column<string>(type: "TEXT", nullable: true),
                    NewBaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    NewBaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    NewTargetValue = table.Column<double>(type: "REAL", nullable: true),
                    NewSource = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetAudits_AuditBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AuditBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TargetAudits_BatchId",
                table: "TargetAudits",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetAudits_IndicatorId_OrgUnitId_TargetYear",
                table: "TargetAudits",
                columns: new[] { "IndicatorId", "OrgUnitId", "TargetYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TargetAudits");
        }
    }
}
