namespace Inburgering.Workflows.Timers;

/// <summary>
/// A timer row: the single source of truth for "something must happen at this moment". Created and deleted in a
/// burst's transaction together with the wait it belongs to, so none is lost or orphaned. Firing deletes the row in the
/// burst that applies its effect; a second firing of the same timer finds no row and does nothing (exactly-once effect).
/// Hangfire only wakes the dispatcher; it never stores timers.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The wait this timer belongs to; its timers are deleted the moment the wait closes.</summary>
    public Guid WaitId { get; set; }

    public TimerPurpose Purpose { get; set; }

    public DateTime DueAtUtc { get; set; }

    /// <summary>
    /// A dispatcher's claim: until this moment other dispatchers leave the row alone. A crashed dispatcher's claim
    /// simply runs out and the row is taken again.
    /// </summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>For reminders: the lead time it announces (e.g. <c>P5WD</c>); for escalations: the how-many-th.</summary>
    public string? Data { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal WorkflowTimer Copy() => (WorkflowTimer)MemberwiseClone();
}

public enum TimerPurpose
{
    /// <summary>Resume the wait (Delay, Until).</summary>
    Resume,

    /// <summary>Remind before a wait's deadline.</summary>
    Reminder,

    /// <summary>The wait's deadline passed: escalate.</summary>
    Deadline,

    /// <summary>Still overdue: escalate again.</summary>
    Escalation,
}
