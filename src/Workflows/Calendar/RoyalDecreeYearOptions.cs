namespace Inburgering.Workflows.Calendar;

/// <summary>
/// The days a royal decree (Atw art. 3 lid 3) equates with feestdagen in one year. When a year is listed, exactly these
/// days are used and the default rule is ignored for that year: the decree, not our pattern, is the authority.
/// </summary>
public sealed class RoyalDecreeYearOptions
{
    public int Year { get; set; }

    /// <summary>Citation shown in explanations, e.g. "Besluit van 12 juni 2024, Stcrt. 2024, 19876".</summary>
    public string? Source { get; set; }

    /// <summary>The equated days; an empty list means "no equated days in this year".</summary>
    public IList<DateOnly> Days { get; } = [];
}
