namespace Inburgering.Workflows.Instances;

/// <summary>What happened in an instance, in order. Written in the burst's transaction, so it never shows a step that did not commit.</summary>
public sealed class JournalEntry
{
    public Guid InstanceId { get; set; }

    /// <summary>1, 2, 3… per instance; with the instance id the key, so a step recorded twice cannot commit.</summary>
    public int Sequence { get; set; }

    public DateTime AtUtc { get; set; }

    public JournalKind Kind { get; set; }

    public string? ActivityKey { get; set; }

    public string? ActivityType { get; set; }

    public string? Outcome { get; set; }

    /// <summary>A short reason, never personal data.</summary>
    public string? Message { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal JournalEntry Copy() => (JournalEntry)MemberwiseClone();
}

public enum JournalKind
{
    InstanceStarted,

    /// <summary>The activity ran and left by <see cref="JournalEntry.Outcome"/> (or was absorbed by a Join).</summary>
    ActivityCompleted,

    /// <summary>The activity ran and now waits (an event, a task, a timer).</summary>
    ActivityWaiting,
    ActivityResumed,
    ActivityFaulted,
    WaitCancelled,
    EventReceived,
    EventQueued,
    IncidentRetried,

    /// <summary>A reminder before a wait's deadline went out.</summary>
    DeadlineReminder,

    /// <summary>A wait's deadline passed while it was still open: escalated.</summary>
    DeadlineExpired,

    /// <summary>Still overdue: escalated again.</summary>
    DeadlineEscalated,

    /// <summary>A timer fired.</summary>
    TimerFired,
    InstanceCompleted,
    InstanceCancelled,
}
