using Inburgering.Host.Security;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Api;

/// <summary>Incidents: list (open first) and retry.</summary>
internal static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.ReadInstances);
        group.MapGet("/", ListAsync).WithSummary("Incidents, optionally by status (Open, Resolved, Continued) or instance, oldest first");
        group.MapPost("/{id:guid}/retry", RetryAsync).RequireAuthorization(Policies.Administer).WithSummary("Run the faulted activity again");
        return app;
    }

    private static async Task<Results<Ok<List<IncidentInfo>>, ProblemHttpResult>> ListAsync(WorkflowsDbContext db, CancellationToken ct, string? status = null, Guid? instanceId = null)
    {
        var query = db.Incidents.AsNoTracking();
        if (status is not null)
        {
            if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return Problems.Field("status", $"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<IncidentStatus>())}.");
            }
            query = query.Where(i => i.Status == parsed);
        }
        if (instanceId is { } id)
        {
            query = query.Where(i => i.InstanceId == id);
        }
        var incidents = await query.OrderBy(i => i.CreatedAtUtc).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(incidents.Select(IncidentInfo.From).ToList());
    }

    private static async Task<Results<Ok<BurstOutcome>, ProblemHttpResult>> RetryAsync(Guid id, WorkflowRunner runner, CancellationToken ct)
    {
        var outcome = await runner.RetryIncidentAsync(id, ct);
        return outcome.Kind == BurstOutcomeKind.NotFound ? Problems.NotFound($"No incident {id}.") : TypedResults.Ok(outcome);
    }
}
