using System.Text.Json.Nodes;
using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    private const string CompleteTaskReceiver = "CompleteTask";

    /// <summary>
    /// Completes a partner task: checks the actor's organisation and the outcome against the task's form, then, in ONE
    /// burst, marks the task completed, audits it, records the message as processed, resumes the workflow and writes
    /// <c>TaskCompleted</c> to the outbox. Idempotent: a repeated message or a second completion returns the first result.
    /// </summary>
    public async Task<TaskCompletionResult> CompleteTaskAsync(CompleteTaskCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        PartnerTask? task;
        bool processed;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            task = await session.ReadTaskAsync(command.TaskId, cancellationToken);
            processed = command.MessageId is { } id && await session.IsProcessedAsync(id, CompleteTaskReceiver, cancellationToken);
        }
        if (task is null || !command.Actor.MayAccess(task))
        {
            return new TaskCompletionResult(TaskCompletionKind.NotFound, null, Reason: $"Taak {command.TaskId} bestaat niet of hoort niet bij organisatie '{command.Actor.Organisation}'.");
        }
        if (processed || task.Status == PartnerTaskStatus.Completed)
        {
            return new TaskCompletionResult(TaskCompletionKind.AlreadyCompleted, task);
        }
        if (task.Status != PartnerTaskStatus.Open)
        {
            return Closed(task);
        }
        var check = TaskOutcomeValidator.Check(TaskForm.Parse(task.FormJson), command.Outcome, command.Fields);
        if (!check.IsValid)
        {
            return new TaskCompletionResult(TaskCompletionKind.Invalid, task, check.Errors, "De uitkomst past niet bij het formulier van de taak.");
        }

        // Set only by an attempt that ends the burst loop: a refusal (final), or the completion, which counts only
        // if its burst commits. A lost race retries on fresh state, which may find the task already completed.
        TaskCompletionResult? result = null;
        PartnerTask? completed = null;
        var outcome = await RunBurstAsync(task.InstanceId, "task", async burst =>
        {
            completed = null;
            var session = burst.Session;
            if (command.MessageId is { } messageId && await session.IsProcessedAsync(messageId, CompleteTaskReceiver, cancellationToken))
            {
                result = new TaskCompletionResult(TaskCompletionKind.AlreadyCompleted, await session.ReadTaskAsync(command.TaskId, cancellationToken) ?? task);
                return false;
            }
            var current = await session.FindTaskAsync(command.TaskId, cancellationToken)
                ?? throw new InvalidOperationException($"Task {command.TaskId} is gone; tasks are never deleted while their instance runs.");
            if (current.Status != PartnerTaskStatus.Open)
            {
                result = current.Status == PartnerTaskStatus.Completed ? new TaskCompletionResult(TaskCompletionKind.AlreadyCompleted, current) : Closed(current);
                return false;
            }
            current.Status = PartnerTaskStatus.Completed;
            current.Outcome = check.Outcome;
            current.OutcomeJson = check.Fields.ToJsonString();
            current.CompletedBy = Burst.Truncate(command.Actor.Name, 200);
            current.ClosedAtUtc = burst.Now.UtcDateTime;
            current.Version++;
            TaskAudit.Record(session, current, TaskAuditAction.Completed, burst.Now, current.CompletedBy!, command.Actor.Organisation,
                new JsonObject { ["outcome"] = check.Outcome, ["fields"] = check.Fields.DeepClone() });
            if (command.MessageId is { } id)
            {
                session.Add(new ProcessedMessage { MessageId = id, Receiver = CompleteTaskReceiver, ProcessedAtUtc = burst.Now.UtcDateTime, Result = $"{current.Id}:{check.Outcome}" });
            }
            var payload = new JsonObject { ["outcome"] = check.Outcome, ["fields"] = check.Fields.DeepClone(), ["completedBy"] = current.CompletedBy };
            if (!await burst.ResumeWaitAsync(current.Id, payload))
            {
                result = Closed(current);
                return false; // the wait is gone without the task closing: leave both as they are
            }
            await burst.RunAsync();
            completed = current;
            return true;
        }, cancellationToken);
        if (outcome.Kind == BurstOutcomeKind.Applied && completed is not null)
        {
            return new TaskCompletionResult(TaskCompletionKind.Completed, completed);
        }
        return result ?? await AfterRefusedBurstAsync(command.TaskId, outcome, cancellationToken);
    }

    /// <summary>The burst did not run (e.g. the instance ended meanwhile): report the task as it now stands.</summary>
    private async Task<TaskCompletionResult> AfterRefusedBurstAsync(Guid taskId, BurstOutcome outcome, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(cancellationToken);
        var task = await session.ReadTaskAsync(taskId, cancellationToken)
            ?? throw new InvalidOperationException($"Task {taskId} is gone; tasks are never deleted while their instance runs.");
        return task.Status switch
        {
            PartnerTaskStatus.Completed => new TaskCompletionResult(TaskCompletionKind.AlreadyCompleted, task),
            PartnerTaskStatus.Open => new TaskCompletionResult(TaskCompletionKind.Closed, task, Reason: $"De werkstroom van deze taak loopt niet meer ({outcome.Reason})."),
            _ => Closed(task),
        };
    }

    /// <summary>Gives an open task to another person of the same organisation (audited).</summary>
    public async Task<TaskReassignmentResult> ReassignTaskAsync(Guid taskId, TaskActor actor, string assignee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var session = await store.OpenAsync(cancellationToken);
        var task = await session.FindTaskAsync(taskId, cancellationToken);
        if (task is null || !actor.MayAccess(task))
        {
            return new TaskReassignmentResult(TaskReassignmentKind.NotFound, null, $"Taak {taskId} bestaat niet of hoort niet bij organisatie '{actor.Organisation}'.");
        }
        if (task.Status != PartnerTaskStatus.Open)
        {
            return new TaskReassignmentResult(TaskReassignmentKind.Closed, task, Closed(task).Reason);
        }
        var previous = task.Assignee;
        task.Assignee = Burst.Truncate(assignee.Trim(), 200);
        task.Version++;
        TaskAudit.Record(session, task, TaskAuditAction.Reassigned, time.GetUtcNow(), actor.Name, actor.Organisation,
            new JsonObject { ["from"] = previous, ["to"] = task.Assignee });
        await session.CommitAsync(cancellationToken); // a concurrent change of the task fails here on its Version
        return new TaskReassignmentResult(TaskReassignmentKind.Reassigned, task);
    }

    private static TaskCompletionResult Closed(PartnerTask task) =>
        new(TaskCompletionKind.Closed, task, Reason: $"De taak is {(task.Status == PartnerTaskStatus.Expired ? "verlopen" : "geannuleerd")} en kan niet meer worden afgerond.");
}
