using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// Opens the partner task of a <c>Task</c> wait (row, audit, <c>TaskAssigned</c> in the outbox) and closes it with the
/// wait (<c>TaskCompleted</c> or <c>TaskCancelled</c>), always in the burst's transaction: a task, its wait and its
/// messages exist together or not at all.
/// </summary>
internal sealed class TaskWaitObserver : IWaitObserver
{
    public ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
    {
        var (db, instance, wait, request, now) = (arguments.Session, arguments.Instance, arguments.Wait, arguments.Request, arguments.Now);
        if (request.Kind != WaitKinds.Task)
        {
            return ValueTask.CompletedTask;
        }
        var spec = TaskSpec.From(request.State);
        var task = new PartnerTask
        {
            Id = wait.Id,
            InstanceId = instance.Id,
            KlantreisId = KlantreisId(instance),
            ActivityKey = wait.ActivityKey,
            TaskType = spec.TaskType,
            Organisation = spec.Organisation,
            Assignee = spec.Assignee,
            Title = spec.Title,
            Instructions = spec.Instructions,
            FormJson = spec.Form.ToJson(),
            SharedVariablesJson = System.Text.Json.JsonSerializer.Serialize(spec.SharedVariables),
            Status = PartnerTaskStatus.Open,
            DueAtUtc = request.Deadline?.DueAt.UtcDateTime,
            DeadlineJson = wait.DeadlineJson,
            CreatedAtUtc = now.UtcDateTime,
        };
        db.Add(task);
        TaskAudit.Record(db, task, TaskAuditAction.Opened, now, organisation: task.Organisation);
        db.AddOutboxMessage(TaskMessages.Assigned(task), instance.Id, task.KlantreisId, now);
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnWaitClosedAsync(WaitClosedArguments arguments)
    {
        var (db, wait, now) = (arguments.Session, arguments.Wait, arguments.Now);
        if (wait.Kind != WaitKinds.Task || await db.FindTaskAsync(wait.Id) is not { } task)
        {
            return;
        }
        switch (task.Status)
        {
            case PartnerTaskStatus.Open when arguments.Reason == WaitCloseReason.Cancelled:
                task.Status = PartnerTaskStatus.Cancelled;
                task.ClosedAtUtc = now.UtcDateTime;
                task.Version++;
                TaskAudit.Record(db, task, TaskAuditAction.Cancelled, now);
                db.AddOutboxMessage(TaskMessages.Cancelled(task), task.InstanceId, task.KlantreisId, now);
                break;
            case PartnerTaskStatus.Completed:
                // The completion set the status and wrote the audit in this burst; the partner world hears it now.
                db.AddOutboxMessage(TaskMessages.Completed(task, now), task.InstanceId, task.KlantreisId, now);
                break;
            default:
                break; // expired: the deadline observer already closed it and sent TaskExpired
        }
    }

    /// <summary>
    /// The id partners see: the correlation key, which is the pseudonymous klantreis id. Should an operator ever have
    /// started an instance with a BSN as key, the instance id is used instead: a BSN never leaves in a message.
    /// </summary>
    internal static string KlantreisId(WorkflowInstance instance) =>
        instance.CorrelationKey is { } key && !Bsn.Contains(key) ? key : instance.Id.ToString();
}
