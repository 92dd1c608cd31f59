namespace Inburgering.Contracts.Tasks;

// Outbound messages about partner tasks. Thin by design (architecture decision 5, law.md §9): a pseudonymous klantreis
// id, the task id, its type and due date — never a BSN, a name or health data. Partners fetch what their organisation
// may see over the API with their own credentials. The MassTransit MessageId of each message is the outbox row's id,
// stable across redeliveries, so partners can deduplicate.

/// <summary>A task was opened for the organisation.</summary>
/// <param name="KlantreisId">Pseudonymous id of the person's klantreis (never a BSN).</param>
/// <param name="TaskId">The task.</param>
/// <param name="TaskType">Stable task type, e.g. <c>brede-intake</c>.</param>
/// <param name="Organisation">Partner organisation id, e.g. <c>isd-bollenstreek</c>.</param>
/// <param name="DueAt">When it must be done.</param>
public sealed record TaskAssigned(string KlantreisId, Guid TaskId, string TaskType, string Organisation, DateTimeOffset? DueAt);
