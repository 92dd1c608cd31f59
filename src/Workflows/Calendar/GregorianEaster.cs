namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Easter Sunday by the Gregorian computus (the "anonymous Gregorian algorithm" of Meeus/Jones/Butcher).
/// Pure integer arithmetic, valid for every Gregorian year (1583 and later), so no table has to be maintained.
/// </summary>
internal static class GregorianEaster
{
    public const int FirstYear = 1583;

    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        var golden = year % 19;                         // position in the 19-year Metonic cycle
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRest = century % 4;
        var moonCorrection = (century + 8) / 25;
        var solarCorrection = (century - moonCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - solarCorrection + 15) % 30;
        var quarters = yearOfCentury / 4;
        var rest = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRest) + (2 * quarters) - epact - rest) % 7;
        var correction = (golden + (11 * epact) + (22 * weekday)) / 451;
        var monthAndDay = epact + weekday - (7 * correction) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
