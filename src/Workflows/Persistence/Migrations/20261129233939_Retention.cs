using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EraseRequestedAtUtc",
                table: "workflow_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_EraseRequestedAtUtc",
                table: "workflow_instances",
                column: "EraseRequestedAtUtc",
                filter: "\"EraseRequestedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_inbox_ProcessedAtUtc",
                table: "workflow_inbox",
                column: "ProcessedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_EraseRequestedAtUtc",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "IX_workflow_inbox_ProcessedAtUtc",
                table: "workflow_inbox");

            migrationBuilder.DropColumn(
                name: "EraseRequestedAtUtc",
                table: "workflow_instances");
        }
    }
}
