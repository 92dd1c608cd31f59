using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// All non-working days per year (Atw feestdagen, equated days, gemeente closing days), built once per year on first use
/// and cached: a calendar lives for the whole process and asks about the same few years over and over.
/// </summary>
internal sealed class HolidayTable
{
    private readonly Dictionary<int, RoyalDecreeYearOptions> overrides;
    private readonly ILookup<int, ClosingDayOptions> closingDays;
    private readonly string gemeente;
    private readonly ConcurrentDictionary<int, Year> years = new();

    public HolidayTable(CalendarOptions options)
    {
        overrides = options.RoyalDecreeOverrides.ToDictionary(entry => entry.Year);
        closingDays = options.ClosingDays.ToLookup(day => day.Date.Year);
        gemeente = options.Gemeente;
    }

    /// <summary>Every non-working day of the year except weekends, sorted by date (a date may appear twice).</summary>
    public IReadOnlyList<Holiday> ForYear(int year) => Get(year).All;

    /// <summary>The holidays on one date; empty for an ordinary day.</summary>
    public IReadOnlyList<Holiday> On(DateOnly date) =>
        Get(date.Year).ByDate.TryGetValue(date, out var found) ? found : [];

    private Year Get(int year)
    {
        // TryGetValue first: GetOrAdd(year, Build) would allocate a delegate on every call, and the calendar is asked
        // about days all the time (a simulation: hundreds of MB of delegates).
        if (years.TryGetValue(year, out var known))
        {
            return known;
        }
        DutchHolidays.CheckYear(year);
        return years.GetOrAdd(year, Build);
    }

    private Year Build(int year)
    {
        var days = new List<Holiday>(DutchHolidays.AtwFeestdagen(year));
        if (overrides.TryGetValue(year, out var decree))
        {
            var source = string.IsNullOrWhiteSpace(decree.Source)
                ? $"Algemene termijnenwet art. 3 lid 3 (koninklijk besluit voor {year})"
                : $"Algemene termijnenwet art. 3 lid 3 ({decree.Source})";
            days.AddRange(decree.Days.Select(day => new Holiday(day, "bij koninklijk besluit gelijkgestelde dag", HolidayKind.EquatedByRoyalDecree, source)));
        }
        else
        {
            days.AddRange(DutchHolidays.DefaultRoyalDecreeDays(year));
        }

        days.AddRange(closingDays[year].Select(day =>
            new Holiday(day.Date, day.Name, HolidayKind.GemeenteClosingDay, $"sluitingsdag gemeente {gemeente} (configuratie)")));

        var sorted = days.OrderBy(day => day.Date).ThenBy(day => day.Kind).ToList();
        var byDate = sorted
            .GroupBy(day => day.Date)
            .ToFrozenDictionary(group => group.Key, group => (IReadOnlyList<Holiday>)[.. group]);
        return new Year(sorted, byDate);
    }

    private sealed record Year(IReadOnlyList<Holiday> All, FrozenDictionary<DateOnly, IReadOnlyList<Holiday>> ByDate);
}
