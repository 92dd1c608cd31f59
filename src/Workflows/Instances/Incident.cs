namespace Inburgering.Workflows.Instances;

/// <summary>A faulted activity that needs an operator: what failed, where, and whether it was retried.</summary>
public sealed class Incident
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityKey { get; set; }

    public required string ActivityType { get; set; }

    /// <summary>A short reason (exception type and message, truncated); never personal data.</summary>
    public required string Message { get; set; }

    public IncidentStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public int RetryCount { get; set; }

    /// <summary>
    /// When the fault happened while resuming a wait (e.g. mapping an event's payload): the resumption as JSON (wait
    /// kind, event, state and payload), so a retry resumes again with the same payload instead of waiting anew.
    /// </summary>
    public string? ResumptionJson { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal Incident Copy() => (Incident)MemberwiseClone();
}

public enum IncidentStatus
{
    /// <summary>The path is suspended until an operator retries.</summary>
    Open,

    /// <summary>Retried; the activity ran again.</summary>
    Resolved,

    /// <summary>The definition said to continue by the Fout port; kept for attention, nothing to retry.</summary>
    Continued,
}
