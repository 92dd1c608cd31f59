using System.Text.Json.Nodes;
using Inburgering.Simulation;
using Inburgering.Simulation.Forecast;
using Inburgering.Simulation.Reports;
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

    [Fact]
    public async Task A_forecast_in_shards_runs_everyone_once_and_is_repeatable()
    {
        var settings = new SimulationSettings { StatushoudersPerYear = 7, GezinsmigrantenPerYear = 4, Seed = 11, HorizonMonths = 40, Shards = 3 };
        var definition = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json"));

        var first = await SimulationEngine.RunAsync(settings, definition);
        var again = await SimulationEngine.RunAsync(settings, definition);

        Assert.Equal((11, 11), (first.People, first.Instances));
        Assert.Equal(first.TaskCount, first.Tasks.Sum(r => r.Opened)); // the shards' rows were added up, none lost
        Assert.Equal(first.Tasks.Count, first.Tasks.Select(r => (r.Month, r.Organisation)).Distinct().Count()); // one row per month and partner
        Assert.Contains(first.Tasks, r => r.Organisation == "isd-bollenstreek" && r.Opened > 0);
        Assert.Equal((first.TasksCsv(), first.FinesCsv(), first.Bursts, first.DeadlinesMet), (again.TasksCsv(), again.FinesCsv(), again.Bursts, again.DeadlinesMet));
    }

    [Fact]
    public async Task The_engine_s_memory_store_gives_the_same_forecast_as_the_database()
    {
        // The memory store is only faster, never different: the same people, answers, bursts, deadlines and fines.
        var settings = new SimulationSettings { StatushoudersPerYear = 9, GezinsmigrantenPerYear = 5, Seed = 5, HorizonMonths = 48 };
        var definition = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json"));

        var inMemory = await SimulationEngine.RunAsync(settings with { Store = SimulationStore.Memory }, definition);
        var inDatabase = await SimulationEngine.RunAsync(settings with { Store = SimulationStore.Database }, definition);

        Assert.Equal(14, inMemory.Instances);
        Assert.True(inMemory.Fines.Count > 0 && inMemory.TaskCount > 14 * 5, $"{inMemory.TaskCount} tasks, {inMemory.Fines.Count} fine months: too small a forecast to compare");
        Assert.Equal(
            (inDatabase.TasksCsv(), inDatabase.FinesCsv(), inDatabase.Bursts, inDatabase.TaskCount, inDatabase.DeadlinesMet, inDatabase.DeadlinesMissed),
            (inMemory.TasksCsv(), inMemory.FinesCsv(), inMemory.Bursts, inMemory.TaskCount, inMemory.DeadlinesMet, inMemory.DeadlinesMissed));
    }

    [Fact]
    public void Shards_take_every_person_exactly_once()
    {
        var everyone = PersonGenerator.Generate(new SimulationSettings { StatushoudersPerYear = 10, GezinsmigrantenPerYear = 3 }, new Random(1));

        var parts = Enumerable.Range(0, 3).Select(i => new SimulationShard(i, 3).Take(everyone)).ToList();

        Assert.Equal([5, 4, 4], parts.Select(p => p.Count));
        Assert.Equal(everyone.Select(p => p.KlantreisId).Order(StringComparer.Ordinal), parts.SelectMany(p => p).Select(p => p.KlantreisId).Order(StringComparer.Ordinal));
        Assert.Same(everyone, SimulationShard.Whole.Take(everyone));
    }

    [Fact]
    public void Combined_reports_add_up_per_month_and_partner()
    {
        var january = new DateOnly(2027, 1, 1);
        var february = new DateOnly(2027, 2, 1);
        var a = new SimulationReport(
            [new(january, "isd", 2, 1, 1, 0, 0, 0), new(february, "isd", 1, 1, 0, 1, 0, 1)], [new(january, 1, 250m)], 3, 3, 30, 3, 1, 1, TimeSpan.FromSeconds(5))
        { TimersTime = TimeSpan.FromSeconds(1) };
        var b = new SimulationReport(
            [new(january, "isd", 3, 2, 2, 0, 1, 0), new(january, "vwn", 1, 0, 0, 0, 0, 1)], [new(january, 1, 50m), new(february, 2, 100m)], 2, 2, 20, 4, 2, 0, TimeSpan.FromSeconds(6))
        { TimersTime = TimeSpan.FromSeconds(2) };

        var combined = SimulationReport.Combine([a, b], TimeSpan.FromSeconds(7));

        Assert.Equal(
            [new(january, "isd", 5, 3, 3, 0, 1, 0), new(january, "vwn", 1, 0, 0, 0, 0, 1), new(february, "isd", 1, 1, 0, 1, 0, 1)],
            combined.Tasks);
        Assert.Equal([new(january, 2, 300m), new(february, 2, 100m)], combined.Fines);
        Assert.Equal((5, 5, 50L, 7, 3, 1), (combined.People, combined.Instances, combined.Bursts, combined.TaskCount, combined.DeadlinesMet, combined.DeadlinesMissed));
        Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3)), (combined.Elapsed, combined.TimersTime));
    }

    [Fact]
    public async Task Shards_are_validated_before_any_engine_is_built()
    {
        Assert.Contains(new SimulationSettings { Shards = 0 }.Validate(), e => e.Field == "shards");
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => SimulationEngine.RunAsync(new SimulationSettings { Shards = 65 }, "{}"));
        Assert.StartsWith("shards:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_that_fails_stops_the_others_and_its_error_is_the_one_thrown()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() =>
            SimulationEngine.RunAsync(new SimulationSettings { StatushoudersPerYear = 4, GezinsmigrantenPerYear = 0, Shards = 3 }, "{ \"id\": \"kapot\" }"));

        Assert.Contains("definition is invalid", failure.Message, StringComparison.Ordinal);
    }
}
