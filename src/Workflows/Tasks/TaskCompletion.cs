using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Tasks;

/// <summary>Completes a task with an outcome from its form.</summary>
/// <param name="MessageId">The inbound message's id (or an HTTP Idempotency-Key): the same id is processed once.</param>
public sealed record CompleteTaskCommand(Guid TaskId, TaskActor Actor, string? Outcome, IReadOnlyDictionary<string, JsonNode?> Fields, string? MessageId = null);

public enum TaskCompletionKind
{
    /// <summary>This call completed the task and resumed its workflow.</summary>
    Completed,

    /// <summary>The task was already completed (or this message already processed): the first result stands.</summary>
    AlreadyCompleted,

    /// <summary>No such task, or not one the actor may see (a partner never learns another organisation's task ids exist).</summary>
    NotFound,

    /// <summary>The outcome does not fit the form; see the errors.</summary>
    Invalid,

    /// <summary>The task was cancelled or expired; it can no longer be completed.</summary>
    Closed,
}

/// <summary>What completing did. <see cref="Task"/> is the task as it now stands (with the first result, when already completed).</summary>
public sealed record TaskCompletionResult(TaskCompletionKind Kind, PartnerTask? Task, IReadOnlyDictionary<string, string[]>? Errors = null, string? Reason = null);
