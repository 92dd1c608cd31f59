namespace Inburgering.Workflows.Calendar;

/// <summary>A non-working day with its Dutch name and the rule it comes from (shown to users in explanations).</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Dutch name, e.g. "Koningsdag" or "Goede Vrijdag".</param>
/// <param name="Kind">Why the day is free.</param>
/// <param name="Source">The article or configuration it comes from, e.g. "Algemene termijnenwet art. 3 lid 2".</param>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind, string Source)
{
    /// <summary>True when the Algemene termijnenwet treats the day as a feestdag (everything but gemeente closing days).</summary>
    public bool CountsForAtw => Kind != HolidayKind.GemeenteClosingDay;
}
