using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Activities.Tests.Tasks;

/// <summary>Reads of task rows, their audit and the outbox for assertions.</summary>
internal static class TaskTestExtensions
{
    public static Task<PartnerTask> TaskOfAsync(this WorkflowHarness h, Guid instanceId) =>
        h.MemoryStore is { } memory
            ? Task.FromResult(memory.Tasks(t => t.InstanceId == instanceId).Single())
            : h.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId));

    public static Task<List<TaskAuditEntry>> AuditAsync(this WorkflowHarness h, Guid taskId) =>
        h.MemoryStore is { } memory
            ? Task.FromResult(memory.TaskAudit(taskId))
            : h.QueryAsync(db => db.TaskAudit.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>The outbox rows of an instance in the order they were written.</summary>
    public static Task<List<OutboxMessage>> OutboxAsync(this WorkflowHarness h, Guid instanceId) =>
        h.MemoryStore is { } memory
            ? Task.FromResult(memory.Outbox().Where(o => o.InstanceId == instanceId).OrderBy(o => o.Sequence).ToList())
            : h.QueryAsync(async db => (await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId).ToListAsync()).OrderBy(o => o.Sequence).ToList());

    public static Task<TaskCompletionResult> CompleteAsync(this WorkflowHarness h, Guid taskId, string? outcome, object? fields, string organisation = "isd-bollenstreek", string? messageId = null)
    {
        var values = (WorkflowHarness.ToJson(fields) as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        return h.Runner.CompleteTaskAsync(new CompleteTaskCommand(taskId, TaskActor.Partner("m.jansen", organisation), outcome, values, messageId));
    }
}
