using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Workflows.Persistence.Migrations
{
    /// <summary>
    /// The guard a group of starts sends in its one batch instead of reading the kept events first
    /// (NpgsqlStartSession): it fails the batch's implicit transaction, so nothing of the group commits, when an event is
    /// kept for one of the group's correlation keys. Plain SQL cannot raise an error, hence a function.
    /// </summary>
    public partial class KeptEventsGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION workflow_assert_nothing_kept(keys text[]) RETURNS boolean
                LANGUAGE plpgsql STABLE AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM workflow_pending_events WHERE "InstanceId" IS NULL AND "CorrelationKey" = ANY(keys)) THEN
                        RAISE EXCEPTION USING ERRCODE = 'IWK01',
                            MESSAGE = 'An event is kept for a correlation key of these starts; read it and start again.';
                    END IF;
                    RETURN true;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION workflow_assert_nothing_kept(text[]);");
        }
    }
}
