namespace Inburgering.Workflows.Calendar;

/// <summary>What to compute: a term of <paramref name="Duration"/> counted from the day of the start event.</summary>
/// <param name="Start">Day of the start event (the term runs from the next day, as Awb art. 6:8 and the Atw count).</param>
/// <param name="Duration">Length of the term; must be a calendar unit (days, weeks, months, years or werkdagen).</param>
/// <param name="Kind">Statutory (Atw applies) or Policy (plain).</param>
/// <param name="RuleName">Dutch rule text, e.g. "PIP binnen 10 weken na kennisgeving".</param>
/// <param name="Source">Legal or policy source, e.g. "Besluit inburgering 2021 art. 5.3"; may be empty for policy.</param>
/// <param name="StartEventName">Dutch name of the start event, e.g. "kennisgeving".</param>
public sealed record DeadlineRequest(
    DateOnly Start,
    BusinessDuration Duration,
    TermKind Kind,
    string RuleName,
    string Source,
    string StartEventName);
