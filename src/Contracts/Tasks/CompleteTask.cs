namespace Inburgering.Contracts.Tasks;

/// <summary>
/// Inbound: a partner completes a task from its own system. Processed once per MessageId; a task completed twice keeps
/// its first result. An invalid message (unknown task, another organisation's task, an outcome that fails the task's
/// form) goes to the error queue with the reason.
/// </summary>
/// <param name="TaskId">The task, from <see cref="TaskAssigned"/>.</param>
/// <param name="Organisation">The completing organisation; must be the task's organisation.</param>
/// <param name="CompletedBy">Who completed it within the organisation (a name or employee id, for the audit).</param>
/// <param name="Outcome">The outcome port chosen on the form (e.g. <c>Afgerond</c>, <c>NietVerschenen</c>); may be omitted when the form has one.</param>
/// <param name="Fields">The form's fields by name, as text (dates yyyy-MM-dd, numbers with a dot, yes/no as true/false).</param>
public sealed record CompleteTask(Guid TaskId, string Organisation, string CompletedBy, string? Outcome, IReadOnlyDictionary<string, string?> Fields);
