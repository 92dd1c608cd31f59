using Inburgering.Activities;
using Inburgering.Simulation.Forecast;
using Inburgering.Simulation.Reports;
using Inburgering.Workflows;
using Inburgering.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation;

/// <summary>
/// A private engine for one simulation: its own database (a throwaway SQLite file by default, or a PostgreSQL database
/// the caller provides), the standard activities and a <see cref="SimulationClock"/>. It never touches the Host's
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
    /// report. The database is a throwaway SQLite file in a temporary folder, deleted afterwards, unless
    /// <paramref name="database"/> names one (e.g. an empty PostgreSQL database for a large run).
    /// </summary>
    public static async Task<SimulationReport> RunAsync(
        SimulationSettings settings, string definitionJson, DatabaseOptions? database = null, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var work = Directory.CreateTempSubdirectory("inburgering-sim-");
        try
        {
            database ??= new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(work.FullName, "sim.db")}" };
            var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await using var services = await BuildAsync(database, work.FullName, clock, configure, cancellationToken);
            return await new KlantreisSimulation(services, clock).RunAsync(settings, definitionJson, cancellationToken);
        }
        finally
        {
            // The pool keeps the file open; release it so the folder can go.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }
}
