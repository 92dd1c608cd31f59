using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Tasks;

/// <summary>What to list: by default the actor's open tasks.</summary>
/// <param name="Organisation">Only this organisation (the gemeente may pick one; a partner only ever sees its own).</param>
/// <param name="OverdueOnly">Open tasks whose due time has passed.</param>
public sealed record TaskFilter(
    PartnerTaskStatus? Status = PartnerTaskStatus.Open, string? Organisation = null, string? TaskType = null, bool OverdueOnly = false,
    Guid? InstanceId = null, int Skip = 0, int Take = 50);

/// <summary>A reminder or escalation about a task, for its organisation's inbox.</summary>
public sealed record TaskSignal(Guid TaskId, string Title, string Organisation, TaskAuditAction Action, DateTime AtUtc, DateTime? DueAtUtc, PartnerTaskStatus Status);

/// <summary>A task with what its reader may see: its audit and the shared variables of the klantreis (never sensitive ones).</summary>
public sealed record TaskView(PartnerTask Task, IReadOnlyList<TaskAuditEntry> Audit, JsonObject SharedData);

/// <summary>Reads tasks for the partner API, the inbox and the dashboard, always scoped to what the actor may see.</summary>
public sealed class TaskQueries(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Overdue first (most overdue on top), then by due date (tasks without one last), then oldest first.</summary>
    public async Task<(IReadOnlyList<PartnerTask> Items, int Total)> ListAsync(TaskActor actor, TaskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Tasks.AsNoTracking();
        var organisation = actor.AllOrganisations ? filter.Organisation : actor.Organisation;
        if (!actor.AllOrganisations && organisation is null)
        {
            return ([], 0);
        }
        if (organisation is not null)
        {
            query = query.Where(t => t.Organisation == organisation);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        if (filter.TaskType is { } type)
        {
            query = query.Where(t => t.TaskType == type);
        }
        if (filter.InstanceId is { } instanceId)
        {
            query = query.Where(t => t.InstanceId == instanceId);
        }
        if (filter.OverdueOnly)
        {
            query = query.Where(t => t.Status == PartnerTaskStatus.Open && t.DueAtUtc != null && t.DueAtUtc < now);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(t => t.Status == PartnerTaskStatus.Open && t.DueAtUtc != null && t.DueAtUtc < now ? 0 : 1)
            .ThenBy(t => t.DueAtUtc == null)
            .ThenBy(t => t.DueAtUtc)
            .ThenBy(t => t.CreatedAtUtc)
            .Skip(filter.Skip).Take(filter.Take)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One task, or null when it does not exist or the actor may not see it (the two are not told apart).</summary>
    public async Task<TaskView?> GetAsync(Guid taskId, TaskActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !actor.MayAccess(task))
        {
            return null;
        }
        var audit = await db.TaskAudit.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        var variablesJson = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.VariablesJson).FirstOrDefaultAsync(cancellationToken);
        return new TaskView(task, audit, SharedData([task], variablesJson));
    }

    /// <summary>The latest reminders and escalations about tasks the actor may see (the inbox's "what was sent to us").</summary>
    public async Task<IReadOnlyList<TaskSignal>> RecentSignalsAsync(TaskActor actor, int take = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.AllOrganisations && actor.Organisation is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        if (!actor.AllOrganisations)
        {
            tasks = tasks.Where(t => t.Organisation == actor.Organisation);
        }
        // One statement: the signals joined with their tasks, newest first.
        return await (from a in db.TaskAudit.AsNoTracking()
                      join t in tasks on a.TaskId equals t.Id
                      where a.Action == TaskAuditAction.Reminded || a.Action == TaskAuditAction.Overdue
                      orderby a.AtUtc descending
                      select new TaskSignal(t.Id, t.Title, t.Organisation, a.Action, a.AtUtc, t.DueAtUtc, t.Status))
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Only the variables the definition shares with these tasks (all of one klantreis); validation keeps sensitive ones
    /// out of those lists.
    /// </summary>
    public static JsonObject SharedData(IEnumerable<PartnerTask> tasks, string? variablesJson)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var shared = new JsonObject();
        var names = tasks.SelectMany(t => JsonSerializer.Deserialize<List<string>>(t.SharedVariablesJson) ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 || variablesJson is null || JsonNode.Parse(variablesJson) is not JsonObject variables)
        {
            return shared;
        }
        foreach (var name in names)
        {
            shared[name] = variables[name]?.DeepClone();
        }
        return shared;
    }
}
