namespace Inburgering.Workflows.Tasks;

public enum TaskReassignmentKind
{
    Reassigned,

    /// <summary>No such task, or not one the actor may see.</summary>
    NotFound,

    /// <summary>The task is no longer open.</summary>
    Closed,
}

/// <summary>What reassigning did; <see cref="Task"/> is the task as it now stands.</summary>
public sealed record TaskReassignmentResult(TaskReassignmentKind Kind, PartnerTask? Task, string? Reason = null);
