using System.Text.Json.Nodes;
using Inburgering.Simulation;
using Inburgering.Simulation.Forecast;
using Inburgering.Testing;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Klantreis.Tests;

/// <summary>
/// A small forecast through the klantreis in fake time on a real database: every journey reaches its PIP and the end of
/// its termijn without a single incident, and the report adds up (tasks per partner, deadlines, fines).
/// </summary>
public sealed class SimulationTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite, 1)] // one writer at a time: parallel bursts would only wait for the lock
    [InlineData(null, DatabaseProvider.Postgres, 8)]
    [InlineData(3, DatabaseProvider.Sqlite, 3)] // what is set wins
    public void Parallelism_follows_the_database_unless_set(int? set, DatabaseProvider provider, int expected) =>
        Assert.Equal(expected, new SimulationSettings { Parallelism = set }.ParallelismOn(provider));

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_year_of_arrivals_runs_through_the_klantreis_without_incidents(HarnessDatabase database)
    {
        using var folder = new TempDirectory();
        var options = database == HarnessDatabase.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = await TestServers.CreatePostgresDatabaseAsync("sim") }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={folder.File("sim.db")}" };
        var settings = new SimulationSettings { StatushoudersPerYear = 12, GezinsmigrantenPerYear = 6, Seed = 7 };
        var clock = new SimulationClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var services = await SimulationEngine.BuildAsync(options, folder.Path, clock);

        var report = await new KlantreisSimulation(services, clock).RunAsync(settings, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json")));

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var instances = await db.Instances.AsNoTracking().ToListAsync();
        var variables = instances.Select(i => JsonNode.Parse(i.VariablesJson)!.AsObject()).ToList();
        Assert.Equal(18, instances.Count);
        Assert.Equal(0, await db.Incidents.CountAsync());
        Assert.All(instances, i => Assert.NotEqual(InstanceStatus.Faulted, i.Status));
        Assert.All(variables, v => Assert.NotNull(v["pipDatum"]));
        Assert.All(variables, v => Assert.Contains(v["uitkomst"]?.GetValue<string>(), new[] { "voldaan", "ontheffing" }));
        Assert.Equal(await db.Tasks.CountAsync(), report.TaskCount);
        Assert.Equal(report.TaskCount, report.Tasks.Sum(r => r.Opened));
        Assert.Equal(instances.Sum(i => (long)i.Version), report.Bursts);
        Assert.Contains(report.Tasks, r => r.Organisation == "isd-bollenstreek" && r.Opened > 0);
        Assert.Contains(report.Tasks, r => r.Organisation == "vluchtelingenwerk" && r.Opened > 0);
        Assert.StartsWith("maand,organisatie,geopend,afgerond,op_tijd,te_laat,verlopen,open_over_termijn\n2027-01,", report.TasksCsv(), StringComparison.Ordinal);
        Assert.True(report.DeadlinesMet > report.DeadlinesMissed, $"met {report.DeadlinesMet}, missed {report.DeadlinesMissed}");
    }
}
