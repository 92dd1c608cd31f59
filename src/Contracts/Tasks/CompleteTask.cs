namespace Inburgering.Contracts.Tasks;

// Outbound messages about partner tasks. Thin by design (architecture decision 5, law.md §9): a pseudonymous klantreis
// id, the task id, its type and due date — never a BSN, a name or health data. Partners fetch what their organisation
// may see over the API with their own credentials. The MassTransit MessageId of each message is the outbox row's id,
// stable across redeliveries, so partners can deduplicate.

/// <summary>
/// Inbound: a partner completes a task from its own system. <paramref name="Outcome"/> holds the task form's fields by
/// name (e.g. <c>{"leerroute": "B1", "pipDatum": "2026-05-01"}</c>) and is validated against the form.
/// </summary>
public sealed record CompleteTask(Guid TaskId, string Organisation, string CompletedBy, IReadOnlyDictionary<string, string?> Outcome);
