namespace Inburgering.Workflows.Calendar;

/// <summary>
/// The fixed holiday rules of the Algemene termijnenwet (Atw) for one year. Pure functions of the year; the
/// configurable parts (royal-decree overrides, gemeente closing days) are added by <see cref="BusinessCalendar"/>.
/// </summary>
public static class DutchHolidays
{
    /// <summary>
    /// First supported year: Koningsdag (27 April) replaced Koninginnedag (30 April) in 2014; earlier years are not modelled.
    /// </summary>
    public const int FirstYear = 2014;

    /// <summary>Last supported year (so that the day after 31 December still fits in <see cref="DateOnly"/>).</summary>
    public const int LastYear = 9998;

    private const string Lid1 = "Algemene termijnenwet art. 3 lid 1";
    private const string Lid3Default = "Algemene termijnenwet art. 3 lid 3 (standaardregel koninklijk besluit)";

    // Eerste Paas- and Pinksterdag are not in art. 3 lid 1 because they always fall on a Sunday, which art. 1 already
    // covers. They are listed anyway so that explanations can name the day ("zondag, eerste Paasdag").
    private const string SundayFeast = "Algemene termijnenwet art. 1 lid 1 (valt altijd op zondag)";

    public static DateOnly EasterSunday(int year)
    {
        CheckYear(year);
        return GregorianEaster.Sunday(year);
    }

    /// <summary>27 April, or 26 April when the 27th is a Sunday (the day the King's birthday is celebrated).</summary>
    public static DateOnly Koningsdag(int year)
    {
        CheckYear(year);
        var birthday = new DateOnly(year, 4, 27);
        return birthday.DayOfWeek == DayOfWeek.Sunday ? birthday.AddDays(-1) : birthday;
    }

    /// <summary>The algemeen erkende feestdagen (art. 3 lid 1), Goede Vrijdag (lid 2) and the Sunday feasts, by date.</summary>
    public static IReadOnlyList<Holiday> AtwFeestdagen(int year)
    {
        var easter = EasterSunday(year);
        Holiday[] days =
        [
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag", HolidayKind.Feestdag, Lid1),
            new(easter.AddDays(-2), "Goede Vrijdag", HolidayKind.EquatedByLaw, "Algemene termijnenwet art. 3 lid 2"),
            new(easter, "eerste Paasdag", HolidayKind.Feestdag, SundayFeast),
            new(easter.AddDays(1), "tweede Paasdag", HolidayKind.Feestdag, Lid1),
            new(Koningsdag(year), "Koningsdag", HolidayKind.Feestdag, Lid1),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag (5 mei)", HolidayKind.Feestdag, Lid1),
            new(easter.AddDays(39), "Hemelvaartsdag", HolidayKind.Feestdag, Lid1),
            new(easter.AddDays(49), "eerste Pinksterdag", HolidayKind.Feestdag, SundayFeast),
            new(easter.AddDays(50), "tweede Pinksterdag", HolidayKind.Feestdag, Lid1),
            new(new DateOnly(year, 12, 25), "eerste Kerstdag", HolidayKind.Feestdag, Lid1),
            new(new DateOnly(year, 12, 26), "tweede Kerstdag", HolidayKind.Feestdag, Lid1),
        ];
        return [.. days.OrderBy(day => day.Date)];
    }

    /// <summary>
    /// The days a royal decree (art. 3 lid 3) usually equates with feestdagen, as a default when no decree for the year is
    /// configured: the Friday after Hemelvaartsdag; the Monday before Nieuwjaarsdag, Koningsdag, 5 mei or eerste Kerstdag
    /// on a Tuesday; the Friday after Nieuwjaarsdag, Koningsdag, 5 mei or tweede Kerstdag on a Thursday.
    /// Only days inside <paramref name="year"/> are returned, so the Monday 31 December before a Tuesday Nieuwjaarsdag
    /// belongs to the old year.
    /// </summary>
    public static IReadOnlyList<Holiday> DefaultRoyalDecreeDays(int year)
    {
        CheckYear(year);
        var candidates = new List<Holiday>
        {
            new(EasterSunday(year).AddDays(40), "vrijdag na Hemelvaartsdag", HolidayKind.EquatedByRoyalDecree, Lid3Default),
        };

        (DateOnly Day, string Name)[] mondayBeforeIfTuesday =
        [
            (new DateOnly(year + 1, 1, 1), "Nieuwjaarsdag"),
            (Koningsdag(year), "Koningsdag"),
            (new DateOnly(year, 5, 5), "5 mei"),
            (new DateOnly(year, 12, 25), "eerste Kerstdag"),
        ];
        candidates.AddRange(mondayBeforeIfTuesday
            .Where(feast => feast.Day.DayOfWeek == DayOfWeek.Tuesday)
            .Select(feast => new Holiday(feast.Day.AddDays(-1), $"maandag voor {feast.Name}", HolidayKind.EquatedByRoyalDecree, Lid3Default)));

        (DateOnly Day, string Name)[] fridayAfterIfThursday =
        [
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (Koningsdag(year), "Koningsdag"),
            (new DateOnly(year, 5, 5), "5 mei"),
            (new DateOnly(year, 12, 26), "tweede Kerstdag"),
        ];
        candidates.AddRange(fridayAfterIfThursday
            .Where(feast => feast.Day.DayOfWeek == DayOfWeek.Thursday)
            .Select(feast => new Holiday(feast.Day.AddDays(1), $"vrijdag na {feast.Name}", HolidayKind.EquatedByRoyalDecree, Lid3Default)));

        return [.. candidates.Where(day => day.Date.Year == year).OrderBy(day => day.Date)];
    }

    internal static void CheckYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holiday rules are modelled for {FirstYear}-{LastYear} only.");
        }
    }
}
