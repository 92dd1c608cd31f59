using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Inburgering.Workflows.Timers;

namespace Inburgering.Simulation.Timeline;

/// <summary>
/// What happened to one instance, structured: the course of events by moment (one <see cref="TimelineEntry"/> per line
/// of the Dutch timeline), every partner task with its deadline, and the end state. <see cref="TimelineReader"/> builds
/// it from the journal and the task rows; <see cref="TimelineWriter"/> renders it as the scenario tests' golden text and
/// the try-out returns it as JSON. Only non-sensitive variables are kept.
/// </summary>
public sealed record InstanceTimeline(
    Guid InstanceId,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationKey,
    DateOnly Started,
    IReadOnlyList<TimelineEntry> Entries,
    IReadOnlyList<TimelineTask> Tasks,
    string Status,
    JsonObject Variables,
    IReadOnlyList<TimelineOpenStep> OpenSteps,
    IReadOnlyList<TimelineIncident> Incidents);

/// <summary>One thing that happened.</summary>
/// <param name="Sequence">The journal's sequence number: the order within a moment.</param>
/// <param name="At">The moment (UTC).</param>
/// <param name="Day">The day in the calendar's time zone (Europe/Amsterdam).</param>
/// <param name="Label">The kind in Dutch, for a legend (e.g. "herinnering").</param>
/// <param name="Text">The Dutch line, as in the written timeline.</param>
/// <param name="Task">The partner task this is about, when there is one.</param>
/// <param name="Deadline">The deadline this is about (rule, source, start, raw end, Atw shifts and the Dutch explanation), when there is one.</param>
public sealed record TimelineEntry(
    int Sequence,
    DateTimeOffset At,
    DateOnly Day,
    TimelineEntryKind Kind,
    string Label,
    string? ActivityKey,
    string? ActivityName,
    string? ActivityType,
    string? Outcome,
    string Text,
    TimelineTaskRef? Task,
    DeadlineRecord? Deadline);

/// <summary>The task an entry is about.</summary>
/// <param name="Due">The final day of its deadline (after the Algemene termijnenwet), if it has one.</param>
public sealed record TimelineTaskRef(Guid Id, string TaskType, string Title, string Organisation, DateOnly? Due);

/// <summary>One partner task over its whole life.</summary>
/// <param name="Status"><c>Open</c>, <c>Completed</c>, <c>Cancelled</c> or <c>Expired</c>.</param>
/// <param name="StatusText">Dutch, e.g. "afgerond op maandag 13-09-2027 met uitkomst Afgerond".</param>
/// <param name="Fields">The form fields given at completion.</param>
public sealed record TimelineTask(
    Guid Id,
    string ActivityKey,
    string TaskType,
    string Title,
    string Organisation,
    string Status,
    string StatusText,
    DateOnly Opened,
    DateOnly? Closed,
    string? Outcome,
    JsonObject? Fields,
    int Escalations,
    DateOnly? Due,
    DeadlineRecord? Deadline);

/// <summary>A step still waiting at the end (an open wait).</summary>
public sealed record TimelineOpenStep(string ActivityKey, string ActivityName, string Kind, string? EventName, DateOnly? Due, DeadlineRecord? Deadline);

public sealed record TimelineIncident(string? ActivityKey, string Message, string Status);

/// <summary>What a timeline entry is; JSON writes the camelCase name (e.g. <c>taskOpened</c>).</summary>
[JsonConverter(typeof(TimelineEntryKindConverter))]
public enum TimelineEntryKind
{
    Started,

    /// <summary>Started at the activities a klantreis under way was at (a take-over), not at Start.</summary>
    TakenOver,
    TaskOpened,
    WaitingForEvent,
    EventReceived,
    EventKept,
    TaskCompleted,

    /// <summary>A task's wait went on without a completion (after it expired).</summary>
    TaskResumed,
    DateReached,
    Choice,
    VariableSet,
    TrackEnded,
    WaitCancelled,
    TaskCancelled,
    Reminder,

    /// <summary>The deadline passed while the step was open: escalated to the regie (and the partner).</summary>
    DeadlinePassed,

    /// <summary>Still overdue: escalated again.</summary>
    Escalated,

    /// <summary>A task that expires at its deadline (<c>onDeadline: verlopen</c>) did.</summary>
    TaskExpired,

    /// <summary>Another step that expires at its deadline (e.g. a bezwaar term without bezwaar) did.</summary>
    StepExpired,
    Fault,
    Ended,
    Cancelled,
}

internal sealed class TimelineEntryKindConverter() : JsonStringEnumConverter<TimelineEntryKind>(System.Text.Json.JsonNamingPolicy.CamelCase);
