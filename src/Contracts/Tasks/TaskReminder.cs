namespace Inburgering.Contracts.Tasks;

// Outbound messages about partner tasks. Thin by design (architecture decision 5, law.md §9): a pseudonymous klantreis
// id, the task id, its type and due date — never a BSN, a name or health data. Partners fetch what their organisation
// may see over the API with their own credentials. The MassTransit MessageId of each message is the outbox row's id,
// stable across redeliveries, so partners can deduplicate.

/// <summary>A reminder before the task's due date.</summary>
/// <param name="Lead">The lead time it announces, e.g. <c>P5WD</c>.</param>
public sealed record TaskReminder(string KlantreisId, Guid TaskId, string TaskType, string Organisation, DateTimeOffset DueAt, string Lead);
