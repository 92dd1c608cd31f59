namespace Inburgering.Workflows.Tasks;

/// <summary>One thing that happened to a task: who, when, what (and with which outcome). Written in the same transaction as the change.</summary>
public sealed class TaskAuditEntry
{
    public Guid TaskId { get; set; }

    public int Sequence { get; set; }

    public DateTime AtUtc { get; set; }

    public TaskAuditAction Action { get; set; }

    /// <summary>Who did it: a user or client name, or <c>systeem</c> for the engine.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The organisation the actor acted for, when any.</summary>
    public string? ActorOrganisation { get; set; }

    /// <summary>Details (outcome and fields, new assignee, lead time…) as JSON; never a BSN or health data.</summary>
    public string? DetailsJson { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal TaskAuditEntry Copy() => (TaskAuditEntry)MemberwiseClone();
}

public enum TaskAuditAction
{
    Opened,
    Reminded,
    Overdue,
    Reassigned,
    Completed,
    Cancelled,
    Expired,
}
