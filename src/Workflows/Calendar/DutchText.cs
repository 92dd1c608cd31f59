using System.Globalization;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Dutch wording for dates in explanations. Day names are spelled out here instead of using the nl-NL culture so the
/// text does not depend on which ICU data the server happens to have.
/// </summary>
public static class DutchText
{
    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "maandag",
        DayOfWeek.Tuesday => "dinsdag",
        DayOfWeek.Wednesday => "woensdag",
        DayOfWeek.Thursday => "donderdag",
        DayOfWeek.Friday => "vrijdag",
        DayOfWeek.Saturday => "zaterdag",
        _ => "zondag",
    };

    /// <summary>"27-04-2030".</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>"zaterdag 27-04-2030".</summary>
    public static string DayAndDate(DateOnly date) => $"{DayName(date.DayOfWeek)} {Date(date)}";

    /// <summary>
    /// Why a day is not a working day, e.g. "zaterdag, Koningsdag (Algemene termijnenwet art. 3 lid 1)".
    /// Only the holidays passed in are named, so callers decide whether closing days count.
    /// </summary>
    public static string Reason(DateOnly date, IEnumerable<Holiday> holidays)
    {
        var parts = new List<string>();
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            parts.Add(DayName(date.DayOfWeek));
        }

        parts.AddRange(holidays.Select(day => $"{day.Name} ({day.Source})"));
        return string.Join(", ", parts);
    }
}
