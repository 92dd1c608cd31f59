using Inburgering.Activities;
using Inburgering.Host.Api;
using Inburgering.Workflows;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;

namespace Inburgering.Host.Hosting;

internal static class EngineSetup
{
    public const string DefinitionsFolderKey = "Workflows:Folder";

    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineOptions>().Bind(builder.Configuration.GetSection(EngineOptions.SectionName));
        builder.Services.AddWorkflowEngine().AddStandardActivities();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad JSON bodies become exceptions the handler turns into ProblemDetails naming the JSON path.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Publishes changed files from <c>workflows/</c> (copied beside the app, or <c>Workflows:Folder</c>).</summary>
    public static async Task SeedDefinitionsAsync(this WebApplication app)
    {
        var folder = app.Configuration[DefinitionsFolderKey] ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        await app.Services.GetRequiredService<DefinitionSeeder>().SeedAsync(folder, app.Lifetime.ApplicationStopping);
    }

    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder app) => app
        .MapDefinitionEndpoints()
        .MapInstanceEndpoints()
        .MapImportEndpoints()
        .MapEventEndpoints()
        .MapIncidentEndpoints()
        .MapTaskEndpoints()
        .MapSimulationEndpoints()
        .MapReportEndpoints()
        .MapTryOutEndpoints();
}
