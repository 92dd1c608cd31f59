using Inburgering.Host.Security;
using Inburgering.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inburgering.Host.Api;

/// <summary>Events addressed by correlation key (e.g. from BRP or DUO), not by instance id.</summary>
internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events/{name}", DeliverAsync).WithTags("Events").RequireAuthorization(Policies.OperateInstances)
            .WithSummary("Deliver an event to every running instance with the correlation key; kept for the key when none exists yet");
        return app;
    }

    private static async Task<Results<Ok<EventDelivered>, ProblemHttpResult>> DeliverAsync(
        string name, EventBody body, HttpRequest request, System.Security.Claims.ClaimsPrincipal user, WorkflowRunner runner, CancellationToken ct)
    {
        if (EventNames.Check(name) is { } problem)
        {
            return Problems.Field("name", problem);
        }
        if (string.IsNullOrWhiteSpace(body.CorrelationKey) || body.CorrelationKey.Length > 200)
        {
            return Problems.Field("correlationKey", "A correlation key of 1 to 200 characters is required.");
        }
        // With an Idempotency-Key a repeated request reaches no instance twice (recorded per caller in the inbox).
        var (messageId, keyProblem) = IdempotencyKeys.From(request, user);
        if (keyProblem is not null)
        {
            return Problems.Field(IdempotencyKeys.Header, keyProblem);
        }
        var reached = await runner.DeliverEventByCorrelationAsync(body.CorrelationKey, name, body.Payload, messageId, ct);
        return TypedResults.Ok(new EventDelivered(reached.Count == 0 ? "Queued" : "Delivered", reached));
    }
}
