using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// Adds what a reminder or an escalation means for others (e.g. a partner notification in the outbox) to the burst
/// that fires it, in the same transaction.
/// </summary>
public interface IDeadlineObserver
{
    ValueTask OnDeadlineEventAsync(DeadlineEventArguments arguments);
}

/// <param name="Session">The burst's unit of work: add rows, never commit it.</param>
/// <param name="Deadline">The wait's deadline as stored.</param>
/// <param name="Lead">For reminders: the lead time it announces.</param>
/// <param name="EscalationNumber">For escalations: 1 at the deadline, 2, 3… for repeats.</param>
public sealed record DeadlineEventArguments(
    IStoreSession Session, WorkflowInstance Instance, WorkflowWait Wait, DeadlineRecord Deadline, DeadlineEventKind Kind,
    string? Lead, int EscalationNumber, DateTimeOffset Now);

public enum DeadlineEventKind
{
    Reminder,
    Expired,
    Escalated,
}
