namespace Inburgering.Workflows.Tasks;

/// <summary>
/// A timed piece of work for a partner organisation, opened by a PartnerTask activity. The row outlives its wait: it
/// keeps the status, the outcome and who gave it, for the inbox, the dashboard and the quarterly report.
/// </summary>
public sealed class PartnerTask
{
    /// <summary>Also the id of the wait it belongs to, so completing the task resumes exactly that wait.</summary>
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The pseudonymous klantreis id (the instance's correlation key, or its id): what messages carry.</summary>
    public string KlantreisId { get; set; } = "";

    public string ActivityKey { get; set; } = "";

    /// <summary>Stable task type, e.g. <c>brede-intake</c>; defaults to the activity key.</summary>
    public string TaskType { get; set; } = "";

    public string Organisation { get; set; } = "";

    /// <summary>A person within the organisation, when assigned.</summary>
    public string? Assignee { get; set; }

    public string Title { get; set; } = "";

    public string? Instructions { get; set; }

    /// <summary>The outcome form (<see cref="TaskForm"/> as JSON), copied from the definition when the task opened.</summary>
    public string FormJson { get; set; } = "{}";

    /// <summary>Variables this task shows to its organisation (a JSON array of names); never sensitive ones.</summary>
    public string SharedVariablesJson { get; set; } = "[]";

    public PartnerTaskStatus Status { get; set; }

    public DateTime? DueAtUtc { get; set; }

    /// <summary>The deadline with its explanation (a <c>DeadlineRecord</c>), when the task has one.</summary>
    public string? DeadlineJson { get; set; }

    /// <summary>Set at the deadline while the task is open; the dashboard's "overdue" is <c>Status = Open and DueAtUtc &lt; now</c>.</summary>
    public int Escalations { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The outcome port chosen (e.g. <c>Afgerond</c>), once completed.</summary>
    public string? Outcome { get; set; }

    /// <summary>The validated form fields, once completed.</summary>
    public string? OutcomeJson { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>Audit rows of this task, numbered from 1.</summary>
    public int AuditSequence { get; set; }

    /// <summary>Optimistic concurrency: a reassignment and a completion cannot both win on stale state.</summary>
    public int Version { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal PartnerTask Copy() => (PartnerTask)MemberwiseClone();
}

public enum PartnerTaskStatus
{
    Open,
    Completed,
    Cancelled,
    Expired,
}
