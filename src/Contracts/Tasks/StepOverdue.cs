namespace Inburgering.Contracts.Tasks;

/// <summary>
/// For the gemeente's regie: a step that is not a partner task (e.g. waiting for DUO's kennisgeving) passed its term.
/// Sent at the deadline and again while it stays overdue. Partner tasks send <see cref="TaskOverdue"/> instead.
/// </summary>
/// <param name="KlantreisId">Pseudonymous id of the klantreis.</param>
/// <param name="Step">The activity key, e.g. <c>wacht-op-kennisgeving</c>.</param>
/// <param name="Rule">The rule in words, e.g. "PIP binnen 10 weken na kennisgeving".</param>
/// <param name="EscalationNumber">1 at the deadline, then 2, 3…</param>
public sealed record StepOverdue(string KlantreisId, string Step, string Rule, DateTimeOffset DueAt, int EscalationNumber);
