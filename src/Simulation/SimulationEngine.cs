using Inburgering.Activities;
using Inburgering.Simulation.Forecast;
using Inburgering.Simulation.Reports;
using Inburgering.Workflows;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation;

/// <summary>
/// A private engine for one simulation: its own database for the definition (a throwaway SQLite database in memory by
/// default, or a PostgreSQL database the caller provides), its instances in the engine's memory store or that database
/// (<see cref="SimulationSettings.Store"/>), the standard activities and a <see cref="SimulationClock"/>. It never touches
/// the Host's live instances.
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
    /// report. The instances run in the engine's memory store (or, with <see cref="SimulationStore.Database"/>, in a
    /// <see cref="ThrowawayDatabase"/>: SQLite in memory), unless <paramref name="database"/> names a database (e.g. an
    /// empty PostgreSQL database, to look at the rows afterwards). With
    /// <see cref="SimulationSettings.Shards"/> above 1 every shard runs at the same time on an engine and a throwaway
    /// database of its own, and the reports are combined; a named database holds one run, so it takes no shards.
    /// </summary>
    public static async Task<SimulationReport> RunAsync(
        SimulationSettings settings, string definitionJson, DatabaseOptions? database = null, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is [var (field, message), ..])
        {
            throw new ArgumentException($"{field}: {message}", nameof(settings)); // before any engine is built
        }
        if (settings.Shards > 1)
        {
            if (database is not null)
            {
                throw new ArgumentException("A simulation on a named database runs in one shard; shards each take a throwaway database.", nameof(database));
            }
            return await RunShardsAsync(settings, definitionJson, configure, cancellationToken);
        }
        return database is not null
            ? await RunOnAsync(database, settings, definitionJson, SimulationShard.Whole, configure, cancellationToken)
            : await RunShardAsync(settings, definitionJson, SimulationShard.Whole, configure, cancellationToken);
    }

    /// <summary>
    /// Every shard at once. The wall time includes building the engines (about a second), which one shard's report
    /// leaves out. The first shard to fail stops the others, and its exception is the one thrown.
    /// </summary>
    private static async Task<SimulationReport> RunShardsAsync(
        SimulationSettings settings, string definitionJson, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shards = Enumerable.Range(0, settings.Shards).Select(i => Task.Run(async () =>
        {
            try
            {
                return await RunShardAsync(settings, definitionJson, new SimulationShard(i, settings.Shards), configure, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, stop.Token)).ToList();
        try
        {
            return SimulationReport.Combine(await Task.WhenAll(shards), watch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested
            && shards.FirstOrDefault(s => s.IsFaulted && s.Exception!.InnerException is not OperationCanceledException) is { } failed)
        {
            // The others were stopped because this one failed: its error is the one that says what went wrong.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
            throw;
        }
    }

    /// <summary>One shard on an engine and a throwaway database of its own.</summary>
    private static async Task<SimulationReport> RunShardAsync(
        SimulationSettings settings, string definitionJson, SimulationShard shard, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        using var throwaway = new ThrowawayDatabase("simulatie");
        var inMemory = settings.Store == SimulationStore.Memory;
        return await RunOnAsync(throwaway.Options, settings, definitionJson, shard, services =>
        {
            if (inMemory)
            {
                services.AddMemoryWorkflowStore(); // the definition stays in the throwaway database; the instances run here
            }
            configure?.Invoke(services);
        }, cancellationToken);
    }

    /// <summary>One shard on an engine of its own over <paramref name="database"/>, disposed before the database is.</summary>
    private static async Task<SimulationReport> RunOnAsync(
        DatabaseOptions database, SimulationSettings settings, string definitionJson, SimulationShard shard, Action<IServiceCollection>? configure,
        CancellationToken cancellationToken)
    {
        var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var services = await BuildAsync(database, AppContext.BaseDirectory, clock, configure, cancellationToken);
        return await new KlantreisSimulation(services, clock).RunAsync(settings, definitionJson, shard, cancellationToken);
    }
}
