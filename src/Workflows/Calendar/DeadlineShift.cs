namespace Inburgering.Workflows.Calendar;

/// <summary>One step in which the Algemene termijnenwet moved the end of a term.</summary>
/// <param name="From">End day before this step.</param>
/// <param name="To">End day after this step.</param>
/// <param name="Article">"Algemene termijnenwet art. 1" or "Algemene termijnenwet art. 2".</param>
/// <param name="Description">Dutch sentence with both dates and the reason for every skipped day.</param>
public sealed record DeadlineShift(DateOnly From, DateOnly To, string Article, string Description);
