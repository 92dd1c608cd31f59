using System.Security.Claims;
using Inburgering.Host.Security;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Partners;
using Inburgering.Workflows.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inburgering.Host.Api;

/// <summary>
/// The partner API: a partner lists, reads, completes and reassigns its own organisation's tasks; the gemeente's regie
/// sees all. Another organisation's task is answered with 404, exactly as a task that does not exist.
/// </summary>
internal static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Tasks);
        group.MapGet("/", ListAsync).WithSummary("My organisation's tasks (regie: all), overdue first, then by due date");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One task with its form, deadline explanation, shared klantreis data and audit");
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithSummary("Complete with an outcome from the task's form; validated field by field. Idempotent (also per Idempotency-Key header)");
        group.MapPost("/{id:guid}/reassign", ReassignAsync).WithSummary("Give the task to another person of the same organisation");
        app.MapGet("/api/organisations", (PartnerDirectory partners) => TypedResults.Ok(partners.All))
            .WithTags("Tasks").WithSummary("The partner organisations");
        return app;
    }

    private static async Task<Results<Ok<Page<TaskListItem>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, TaskQueries queries, TimeProvider time, CancellationToken ct,
        string? status = "Open", string? organisation = null, string? taskType = null, bool overdue = false, Guid? instanceId = null, int skip = 0, int take = 50)
    {
        if (take is < 1 or > 500)
        {
            return Problems.Field("take", "take must be between 1 and 500.");
        }
        if (skip < 0)
        {
            return Problems.Field("skip", "skip must not be negative.");
        }
        PartnerTaskStatus? parsed = null;
        if (status is not null && !status.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<PartnerTaskStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return Problems.Field("status", $"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<PartnerTaskStatus>())}, all.");
            }
            parsed = s;
        }
        var actor = user.ToTaskActor();
        if (!actor.AllOrganisations && organisation is not null && organisation != actor.Organisation)
        {
            return TypedResults.Problem(title: "Forbidden", detail: "A partner sees only its own organisation's tasks.", statusCode: StatusCodes.Status403Forbidden);
        }
        var (items, total) = await queries.ListAsync(actor, new TaskFilter(parsed, organisation, taskType, overdue, instanceId, skip, take), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new Page<TaskListItem>(items.Select(t => TaskListItem.From(t, now)).ToList(), total, skip, take));
    }

    private static async Task<Results<Ok<TaskDetails>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, TaskQueries queries, TimeProvider time, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, user.ToTaskActor(), ct);
        return view is null ? Problems.NotFound($"No task {id} for you.") : TypedResults.Ok(TaskDetails.From(view, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<TaskCompletedInfo>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteTaskBody body, HttpRequest request, ClaimsPrincipal user, WorkflowRunner runner, TaskQueries queries, TimeProvider time, CancellationToken ct)
    {
        var (messageId, problem) = IdempotencyKeys.From(request, user);
        if (problem is not null)
        {
            return Problems.Field(IdempotencyKeys.Header, problem);
        }
        var actor = user.ToTaskActor();
        var result = await runner.CompleteTaskAsync(new CompleteTaskCommand(id, actor, body.Outcome, body.Fields ?? [], messageId), ct);
        switch (result.Kind)
        {
            case TaskCompletionKind.Completed or TaskCompletionKind.AlreadyCompleted:
                var view = await queries.GetAsync(id, actor, ct);
                return TypedResults.Ok(new TaskCompletedInfo(result.Kind.ToString(), TaskDetails.From(view!, time.GetUtcNow().UtcDateTime)));
            case TaskCompletionKind.Invalid:
                return TypedResults.Problem(title: "The outcome does not fit the task's form", detail: result.Reason, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
            case TaskCompletionKind.Closed:
                return TypedResults.Problem(title: "Conflict", detail: result.Reason, statusCode: StatusCodes.Status409Conflict);
            default:
                return Problems.NotFound($"No task {id} for you.");
        }
    }

    private static async Task<Results<Ok<TaskDetails>, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignTaskBody body, ClaimsPrincipal user, WorkflowRunner runner, TaskQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Assignee) || body.Assignee.Length > 200)
        {
            return Problems.Field("assignee", "The new assignee (1 to 200 characters) is required.");
        }
        var actor = user.ToTaskActor();
        var result = await runner.ReassignTaskAsync(id, actor, body.Assignee, ct);
        return result.Kind switch
        {
            TaskReassignmentKind.NotFound => Problems.NotFound($"No task {id} for you."),
            TaskReassignmentKind.Closed => TypedResults.Problem(title: "Conflict", detail: result.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok(TaskDetails.From((await queries.GetAsync(id, actor, ct))!, time.GetUtcNow().UtcDateTime)),
        };
    }
}
