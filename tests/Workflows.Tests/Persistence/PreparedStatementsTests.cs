using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Workflows.Tests.Persistence;

/// <summary>On PostgreSQL the engine asks Npgsql to prepare its repeated statements, unless told otherwise.</summary>
public sealed class PreparedStatementsTests
{
    [Theory]
    [InlineData("Host=db;Database=wf", true, 32)] // the default
    [InlineData("Host=db;Database=wf", false, 0)] // a pooler that cannot keep prepared statements
    [InlineData("Host=db;Database=wf;Max Auto Prepare=10", true, 10)] // the operator's own value wins
    [InlineData("Host=db;Database=wf;Max Auto Prepare=0", true, 0)] // also when it switches them off
    public void The_connection_string_gets_auto_prepare_unless_it_says_otherwise(string connectionString, bool enabled, int expected)
    {
        var result = PersistenceServiceCollectionExtensions.WithPreparedStatements(connectionString, enabled);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
        Assert.Equal("wf", new NpgsqlConnectionStringBuilder(result).Database);
    }

    [Fact]
    public async Task The_engine_s_statements_are_prepared_on_the_real_server()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        await h.PublishAsync(SampleFlows.Delay("voorbereid", "PT1H"));
        for (var i = 0; i < 8; i++)
        {
            await h.StartAsync("voorbereid");
        }

        // pg_prepared_statements lists what this session prepared: after a few starts on the pooled connection the
        // engine's own statements are among them.
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("workflow_", StringComparison.Ordinal));
    }
}
