using Inburgering.Activities;
using Inburgering.Simulation.Forecast;
using Inburgering.Simulation.Reports;
using Inburgering.Workflows;
using Inburgering.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation;

/// <summary>
/// A private engine for one simulation: its own database (a throwaway SQLite database in memory by default, or a
/// PostgreSQL database the caller provides), the standard activities and a <see cref="SimulationClock"/>. It never touches the Host's
/// live instances.
/// </summary>
public static class SimulationEngine
{
    public static async Task<ServiceProvider> BuildAsync(
        DatabaseOptions database, string workFolder, SimulationClock clock, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddWorkflowsPersistence(database, workFolder);
        services.AddWorkflowEngine().AddStandardActivities();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        return provider;
    }

    /// <summary>
    /// Runs <paramref name="settings"/> through <paramref name="definitionJson"/> on a private engine and returns the
    /// report. The database is a <see cref="ThrowawayDatabase"/> (SQLite in memory), unless <paramref name="database"/>
    /// names one (e.g. an empty PostgreSQL database, to look at the rows afterwards). With
    /// <see cref="SimulationSettings.Shards"/> above 1 every shard runs at the same time on an engine and a throwaway
    /// database of its own, and the reports are combined; a named database holds one run, so it takes no shards.
    /// </summary>
    public static async Task<SimulationReport> RunAsync(
        SimulationSettings settings, string definitionJson, DatabaseOptions? database = null, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Shards > 1)
        {
            if (database is not null)
            {
                throw new ArgumentException("A simulation on a named database runs in one shard; shards each take a throwaway database.", nameof(database));
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var parts = await Task.WhenAll(Enumerable.Range(0, settings.Shards).Select(i =>
                Task.Run(() => RunShardAsync(settings, definitionJson, new SimulationShard(i, settings.Shards), configure, cancellationToken), cancellationToken)));
            return SimulationReport.Combine(parts, watch.Elapsed);
        }
        if (database is not null)
        {
            var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await using var services = await BuildAsync(database, AppContext.BaseDirectory, clock, configure, cancellationToken);
            return await new KlantreisSimulation(services, clock).RunAsync(settings, definitionJson, cancellationToken);
        }
        return await RunShardAsync(settings, definitionJson, SimulationShard.Whole, configure, cancellationToken);
    }

    /// <summary>One shard on an engine and a throwaway database of its own.</summary>
    private static async Task<SimulationReport> RunShardAsync(
        SimulationSettings settings, string definitionJson, SimulationShard shard, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        using var throwaway = new ThrowawayDatabase("simulatie");
        var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var services = await BuildAsync(throwaway.Options, AppContext.BaseDirectory, clock, configure, cancellationToken);
        return await new KlantreisSimulation(services, clock).RunAsync(settings, definitionJson, shard, cancellationToken);
    }
}
