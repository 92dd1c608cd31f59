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
    /// names one (e.g. an empty PostgreSQL database, to look at the rows afterwards).
    /// </summary>
    public static async Task<SimulationReport> RunAsync(
        SimulationSettings settings, string definitionJson, DatabaseOptions? database = null, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var throwaway = database is null ? new ThrowawayDatabase("simulatie") : null;
        var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var services = await BuildAsync(database ?? throwaway!.Options, AppContext.BaseDirectory, clock, configure, cancellationToken);
        return await new KlantreisSimulation(services, clock).RunAsync(settings, definitionJson, cancellationToken);
    }
}
