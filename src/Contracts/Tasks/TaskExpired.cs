namespace Inburgering.Contracts.Tasks;

// Outbound messages about partner tasks. Thin by design (architecture decision 5, law.md §9): a pseudonymous klantreis
// id, the task id, its type and due date — never a BSN, a name or health data. Partners fetch what their organisation
// may see over the API with their own credentials. The MassTransit MessageId of each message is the outbox row's id,
// stable across redeliveries, so partners can deduplicate.

/// <summary>The task's term passed and the klantreis went on without it (a task set to expire at its deadline).</summary>
public sealed record TaskExpired(string KlantreisId, Guid TaskId, string TaskType, string Organisation, DateTimeOffset DueAt);
