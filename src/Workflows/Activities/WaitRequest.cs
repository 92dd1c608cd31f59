using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// A bookmark an activity opens: the path waits here until something resumes it. The runner stores it as a
/// <c>workflow_waits</c> row in the burst's transaction; <see cref="IWaitObserver"/>s add what belongs with it
/// (timer rows, partner tasks, outbox messages) in that same transaction.
/// </summary>
/// <param name="Kind">What resumes it: <see cref="WaitKinds"/>.</param>
/// <param name="EventName">For event waits: the event name that resumes it (e.g. <c>DuoKennisgeving</c>).</param>
/// <param name="DueAt">For timers: when it fires.</param>
/// <param name="State">Activity data kept with the wait and handed back on resume.</param>
/// <param name="Deadline">A deadline on the wait (reminders, escalation); its due time becomes the wait's due time.</param>
public sealed record WaitRequest(string Kind, string? EventName = null, DateTimeOffset? DueAt = null, JsonNode? State = null, WaitDeadline? Deadline = null)
{
    /// <summary>When the wait is due: a timer's moment, or its deadline's last moment.</summary>
    public DateTimeOffset? EffectiveDueAt => Deadline?.DueAt ?? DueAt;
}

/// <summary>The wait kinds the engine knows; later features add theirs.</summary>
public static class WaitKinds
{
    public const string Event = "Event";
    public const string Timer = "Timer";
    public const string Task = "Task";
}

/// <summary>A resumed wait: the wait as it was opened, and what resumed it.</summary>
/// <param name="WaitId">Id of the wait row.</param>
/// <param name="Request">The wait as the activity opened it.</param>
/// <param name="Payload">The event payload, task outcome or timer data.</param>
public sealed record WaitResumption(Guid WaitId, WaitRequest Request, JsonNode? Payload);
