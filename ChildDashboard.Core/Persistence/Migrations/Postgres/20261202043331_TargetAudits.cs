using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChildDashboard.Core.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OldBaselineYear = table.Column<int>(type: "integer", nullable: true),
                    OldBaselineValue = table.Column<double>(type: "double precision", nullable: true),
                    OldTargetValue = table.Column<double>(type: "double precision", nullable: true),
                    OldSource = table.Column<string>(type: "text", nullable: true),
                    NewBaselineYear = table.Column<int>(type: "integer", nullable: true),
                    NewBaselineValue = table.Column<double>(type: "double precision", nullable: true),
                    NewTargetValue = table.Column<double>(type: "double precision", nullable: true),
                    NewSource = table.Column<string>(type: "text", nullable: true)
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
