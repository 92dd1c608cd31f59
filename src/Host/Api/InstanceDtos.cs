using System.Text.Json.Nodes;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Api;

/// <summary>Start an instance.</summary>
/// <param name="DefinitionId">The definition to start.</param>
/// <param name="Version">A published version; the latest when left out.</param>
/// <param name="CorrelationKey">Business key for event delivery (pseudonymous; never a BSN).</param>
/// <param name="Variables">Initial values of declared variables.</param>
/// <param name="StartAt">
/// Taking over a klantreis already under way: the activity keys to start at instead of the Start activity (e.g. the
/// branches of the termijn), with the variables it has so far. Left out: from the Start activity. See docs/klantreis.md.
/// </param>
public sealed record StartInstanceBody(string DefinitionId, int? Version, string? CorrelationKey, JsonObject? Variables, IReadOnlyList<string>? StartAt = null);

/// <param name="Deadline">The wait's deadline with its explanation (rule, source, start, raw end, Atw shifts), when it has one.</param>
public sealed record WaitInfo(Guid Id, string ActivityKey, string Kind, string? EventName, DateTime? DueAt, DateTime CreatedAt, DeadlineRecord? Deadline);

public sealed record InstanceInfo(
    Guid Id, string DefinitionId, int DefinitionVersion, string Status, string? CorrelationKey, JsonNode? Variables,
    int OpenIncidents, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt, IReadOnlyList<WaitInfo> Waits)
{
    public static InstanceInfo From(WorkflowInstance i, IEnumerable<WorkflowWait> waits) => new(
        i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationKey, JsonNode.Parse(i.VariablesJson), i.OpenIncidents,
        i.CreatedAtUtc, i.UpdatedAtUtc, i.FinishedAtUtc,
        waits.Select(w => new WaitInfo(w.Id, w.ActivityKey, w.Kind, w.EventName, w.DueAtUtc, w.CreatedAtUtc, DeadlineRecord.Parse(w.DeadlineJson))).ToList());
}

public sealed record InstanceListItem(Guid Id, string DefinitionId, int DefinitionVersion, string Status, string? CorrelationKey, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);

public sealed record JournalEntryInfo(int Sequence, DateTime At, string Kind, string? ActivityKey, string? ActivityType, string? Outcome, string? Message);

public sealed record CancelBody(string? Reason);

/// <summary>Why a finished klantreis is erased (e.g. "bewaartermijn verstreken", "overleden"); goes into the audit log.</summary>
public sealed record EraseBody(string? Reason);

/// <summary>An event for one instance or, through <c>/api/events</c>, for every instance with a correlation key.</summary>
public sealed record EventBody(string? CorrelationKey, JsonNode? Payload);

public sealed record EventDelivered(string Outcome, IReadOnlyList<Guid> Instances);

public sealed record IncidentInfo(Guid Id, Guid InstanceId, string ActivityKey, string ActivityType, string Message, string Status, DateTime CreatedAt, DateTime? ResolvedAt, int RetryCount)
{
    public static IncidentInfo From(Incident i) => new(i.Id, i.InstanceId, i.ActivityKey, i.ActivityType, i.Message, i.Status.ToString(), i.CreatedAtUtc, i.ResolvedAtUtc, i.RetryCount);
}
