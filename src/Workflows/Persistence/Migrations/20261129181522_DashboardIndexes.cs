using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_open",
                table: "workflow_tasks",
                column: "DueAtUtc",
                filter: "\"Status\" = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "Organisation", "TaskType", "Escalations", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_TaskType_ClosedAtUtc",
                table: "workflow_tasks",
                columns: new[] { "TaskType", "ClosedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_tasks_open",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_workflow_tasks_TaskType_ClosedAtUtc",
                table: "workflow_tasks");
        }
    }
}
