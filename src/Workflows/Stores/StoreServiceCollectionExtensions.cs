using Inburgering.Workflows.Stores.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inburgering.Workflows.Stores;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Runs instances in the engine's own memory (<see cref="MemoryWorkflowStore"/>) instead of the database: for a private
    /// engine in fake time (a simulation). Definitions stay in the database registered with <c>AddWorkflowsPersistence</c>;
    /// the API's queries, which read the database, do not see these instances.
    /// </summary>
    public static IServiceCollection AddMemoryWorkflowStore(this IServiceCollection services)
    {
        services.TryAddSingleton<MemoryWorkflowStore>();
        services.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(sp => sp.GetRequiredService<MemoryWorkflowStore>()));
        return services;
    }
}
