using System.Text.Json;
using Inburgering.Workflows.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Host.Health;

/// <summary><c>/health</c> reports each component by name: database, scheduler, bus.</summary>
internal static class HealthSetup
{
    public const string Path = "/health";

    public static IServiceCollection AddEngineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<WorkflowsDbContext>("database", tags: ["ready"])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return services;
    }

    public static IEndpointConventionBuilder MapEngineHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithDisplayName("Health of database, scheduler and bus")
            .AllowAnonymous(); // load balancers and monitoring probe it without credentials

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthSnapshot(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new ComponentHealth(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds))
                .ToList());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Options, context.RequestAborted);
    }
}

internal sealed record HealthSnapshot(string Status, double DurationMs, IReadOnlyList<ComponentHealth> Components);

internal sealed record ComponentHealth(string Name, string Status, string? Description, double DurationMs);

internal static class HealthJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
