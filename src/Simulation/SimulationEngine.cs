using Inburgering.Activities;
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
}
