using System.Text.Json.Nodes;
using Inburgering.Activities;
using Inburgering.Host.Components.Designer;
using Inburgering.Workflows;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Designer;

/// <summary>The engine's real validator and activity registry (no database needed), as the designer gets them in the Host.</summary>
internal static class DesignerServices
{
    public static IServiceCollection AddDesignerEngine(this IServiceCollection services) => services.AddWorkflowEngine().AddStandardActivities();

    public static DesignerSession NewSession(IServiceProvider services, JsonObject? document = null) => new(
        document ?? DesignerSession.NewDocument("proef", "Proef"),
        services.GetRequiredService<DefinitionValidator>(),
        services.GetRequiredService<ActivityRegistry>());

    public static ServiceProvider Build() => new ServiceCollection().AddLogging().AddDesignerEngine().BuildServiceProvider();
}
