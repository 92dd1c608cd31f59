using System.Security.Claims;
using Inburgering.Host.Audit;
using Inburgering.Host.Security;
using Inburgering.Workflows.Retention;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Api;

/// <summary>Instances: start, get, list and filter, journal, cancel, erase, and events for one instance.</summary>
internal static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        // Policies per endpoint, not on the group: a group policy would be required on top, and shut out the systems
        // (BRP and DUO connectors) that start instances and deliver events but do not read them.
        var group = app.MapGroup("/api/instances").WithTags("Instances");
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.OperateInstances).WithSummary("Start an instance of a published definition and run it to its first waits");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadInstances).WithSummary("Instances, filtered by definition, status and correlation key, newest first");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.ReadInstances).WithSummary("One instance with its variables and open waits");
        group.MapGet("/{id:guid}/journal", JournalAsync).RequireAuthorization(Policies.ReadInstances).WithSummary("What happened in the instance, in order");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(Policies.OperateInstances).WithSummary("Cancel the instance: every wait closes");
        group.MapPost("/{id:guid}/erase", EraseAsync).RequireAuthorization(Policies.EraseRecords)
            .WithSummary("Erase a finished instance's records: variables, journal, waits, timers, incidents and its partner tasks (retention, Besluit 9.9)");
        group.MapPost("/{id:guid}/events/{name}", DeliverAsync).RequireAuthorization(Policies.OperateInstances).WithSummary("Deliver an event to the instance (kept until something waits for it)");
        return app;
    }

    private static async Task<Results<Created<InstanceInfo>, ProblemHttpResult>> StartAsync(StartInstanceBody body, WorkflowRunner runner, WorkflowsDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.DefinitionId))
        {
            return Problems.Field("definitionId", "The definition id is required.");
        }
        if (body.CorrelationKey is { Length: > 200 })
        {
            return Problems.Field("correlationKey", "The correlation key is at most 200 characters.");
        }
        if (Bsn.Contains(body.CorrelationKey))
        {
            // The key travels in partner messages as the klantreis id; the law keeps the BSN out of them (law.md §9).
            return Problems.Field("correlationKey", "The correlation key contains what looks like a BSN; use a pseudonymous klantreis id.");
        }
        var instance = await runner.StartAsync(new StartInstanceRequest(body.DefinitionId, body.Version, body.CorrelationKey, body.Variables, body.StartAt), ct);
        var waits = await db.Waits.AsNoTracking().Where(w => w.InstanceId == instance.Id).OrderBy(w => w.CreatedAtUtc).ToListAsync(ct);
        return TypedResults.Created($"/api/instances/{instance.Id}", InstanceInfo.From(instance, waits));
    }

    private static async Task<Results<Ok<Page<InstanceListItem>>, ProblemHttpResult>> ListAsync(
        WorkflowsDbContext db, CancellationToken ct, string? definitionId = null, string? status = null, string? correlationKey = null, int skip = 0, int take = 50)
    {
        if (take is < 1 or > 500)
        {
            return Problems.Field("take", "take must be between 1 and 500.");
        }
        if (skip < 0)
        {
            return Problems.Field("skip", "skip must not be negative.");
        }
        var query = db.Instances.AsNoTracking();
        if (status is not null)
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return Problems.Field("status", $"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<InstanceStatus>())}.");
            }
            query = query.Where(i => i.Status == parsed);
        }
        if (definitionId is not null)
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }
        if (correlationKey is not null)
        {
            query = query.Where(i => i.CorrelationKey == correlationKey);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id).Skip(skip).Take(take)
            .Select(i => new InstanceListItem(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationKey, i.CreatedAtUtc, i.UpdatedAtUtc))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<InstanceListItem>(items, total, skip, take));
    }

    private static async Task<Results<Ok<InstanceInfo>, ProblemHttpResult>> GetAsync(Guid id, WorkflowsDbContext db, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null)
        {
            return Problems.NotFound($"No instance {id}.");
        }
        var waits = await db.Waits.AsNoTracking().Where(w => w.InstanceId == id).OrderBy(w => w.CreatedAtUtc).ToListAsync(ct);
        return TypedResults.Ok(InstanceInfo.From(instance, waits));
    }

    private static async Task<Results<Ok<List<JournalEntryInfo>>, ProblemHttpResult>> JournalAsync(Guid id, WorkflowsDbContext db, CancellationToken ct)
    {
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct))
        {
            return Problems.NotFound($"No instance {id}.");
        }
        var entries = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence)
            .Select(j => new JournalEntryInfo(j.Sequence, j.AtUtc, j.Kind.ToString(), j.ActivityKey, j.ActivityType, j.Outcome, j.Message))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }

    private static async Task<Results<Ok<BurstOutcome>, ProblemHttpResult>> CancelAsync(Guid id, CancelBody? body, WorkflowRunner runner, CancellationToken ct)
    {
        var outcome = await runner.CancelAsync(id, body?.Reason ?? "Geannuleerd via de API.", ct);
        return outcome.Kind == BurstOutcomeKind.NotFound ? Problems.NotFound($"No instance {id}.") : TypedResults.Ok(outcome);
    }

    private static async Task<Results<Ok<ErasedRecords>, ProblemHttpResult>> EraseAsync(
        Guid id, EraseBody? body, InstanceErasure erasure, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 300)
        {
            return Problems.Field("reason", "Give the reason for erasing (at most 300 characters), e.g. 'bewaartermijn verstreken'.");
        }
        if (Bsn.Contains(body.Reason))
        {
            return Problems.Field("reason", "The reason contains what looks like a BSN; the audit log keeps no BSN.");
        }
        var outcome = await erasure.EraseAsync(id, user.ToAuditActor(), body.Reason, ct);
        switch (outcome.Kind)
        {
            case ErasureOutcomeKind.NotFound:
                return Problems.NotFound($"No instance {id}.");
            case ErasureOutcomeKind.NotFinished:
                return TypedResults.Problem(
                    title: "The instance is still running",
                    detail: $"Instance {id} is {outcome.Status}; only a completed or cancelled klantreis is erased. Cancel it first.",
                    statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(outcome.Records!);
    }

    private static async Task<Results<Ok<BurstOutcome>, ProblemHttpResult>> DeliverAsync(Guid id, string name, EventBody? body, WorkflowRunner runner, CancellationToken ct)
    {
        if (EventNames.Check(name) is { } problem)
        {
            return Problems.Field("name", problem);
        }
        var outcome = await runner.DeliverEventAsync(id, name, body?.Payload, ct);
        return outcome.Kind == BurstOutcomeKind.NotFound ? Problems.NotFound($"No instance {id}.") : TypedResults.Ok(outcome);
    }
}
