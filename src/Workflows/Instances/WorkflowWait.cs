namespace Inburgering.Workflows.Instances;

/// <summary>
/// An open bookmark: a path waiting at an activity. Deleted in the burst that resumes or cancels it, so the table holds
/// only what is open and lookups stay fast however many instances have finished.
/// </summary>
public sealed class WorkflowWait
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityKey { get; set; }

    public required string Kind { get; set; }

    public string? EventName { get; set; }

    /// <summary>For timers and deadlines: when it is due (UTC; SQLite cannot compare DateTimeOffset).</summary>
    public DateTime? DueAtUtc { get; set; }

    public string? StateJson { get; set; }

    /// <summary>The deadline's explanation (rule, source, start, raw end, Atw shifts) as JSON, for the API and the UI.</summary>
    public string? DeadlineJson { get; set; }

    /// <summary>Whether timer rows belong to this wait, so closing a wait without timers costs no query.</summary>
    public bool HasTimers { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal WorkflowWait Copy() => (WorkflowWait)MemberwiseClone();
}
