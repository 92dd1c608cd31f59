using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OpenTaskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_open_by_step",
                table: "workflow_tasks",
                columns: new[] { "TaskType", "Organisation", "DueAtUtc" },
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_open_escalations",
                table: "workflow_tasks",
                columns: new[] { "Escalations", "DueAtUtc" },
                descending: new[] { true, false },
                filter: "\"Status\" = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_tasks_open_by_step",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_workflow_tasks_open_escalations",
                table: "workflow_tasks");
        }
    }
}
