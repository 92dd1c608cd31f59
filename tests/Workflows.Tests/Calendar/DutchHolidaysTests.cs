using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>
/// Every Atw feestdag 2025-2031, worked out by hand from Easter Sunday (checked against published calendars):
/// Goede Vrijdag = Easter - 2, tweede Paasdag = Easter + 1, Hemelvaartsdag = Easter + 39 (a Thursday),
/// eerste/tweede Pinksterdag = Easter + 49/+50.
/// </summary>
public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2031, "2031-04-13")]
    [InlineData(2038, "2038-04-25")] // latest possible Easter date
    [InlineData(2285, "2285-03-22")] // earliest possible Easter date
    public void Easter_follows_the_Gregorian_computus(int year, string expected)
    {
        Assert.Equal(Day(expected), DutchHolidays.EasterSunday(year));
    }

    [Fact]
    public void Easter_is_a_Sunday_between_22_March_and_25_April_in_every_Gregorian_year()
    {
        // Cross-checked once against python-dateutil's easter() for 1583-9998 (all equal); this keeps the invariant.
        for (var year = GregorianEaster.FirstYear; year <= 9998; year++)
        {
            var easter = GregorianEaster.Sunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    //           year  Goede Vrijdag  eerste Paas   tweede Paas   Hemelvaart    eerste Pinkster tweede Pinkster
    [InlineData(2025, "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-09")]
    [InlineData(2026, "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24", "2026-05-25")]
    [InlineData(2027, "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-05-17")]
    [InlineData(2028, "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-04", "2028-06-05")]
    [InlineData(2029, "2029-03-30", "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-20", "2029-05-21")]
    [InlineData(2030, "2030-04-19", "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-09", "2030-06-10")]
    [InlineData(2031, "2031-04-11", "2031-04-13", "2031-04-14", "2031-05-22", "2031-06-01", "2031-06-02")]
    public void Easter_based_days(int year, string goedeVrijdag, string eerstePaas, string tweedePaas, string hemelvaart, string eerstePinkster, string tweedePinkster)
    {
        var days = DutchHolidays.AtwFeestdagen(year);
        AssertDay(days, "Goede Vrijdag", goedeVrijdag, DayOfWeek.Friday, HolidayKind.EquatedByLaw, "art. 3 lid 2");
        AssertDay(days, "eerste Paasdag", eerstePaas, DayOfWeek.Sunday, HolidayKind.Feestdag, "art. 1 lid 1");
        AssertDay(days, "tweede Paasdag", tweedePaas, DayOfWeek.Monday, HolidayKind.Feestdag, "art. 3 lid 1");
        AssertDay(days, "Hemelvaartsdag", hemelvaart, DayOfWeek.Thursday, HolidayKind.Feestdag, "art. 3 lid 1");
        AssertDay(days, "eerste Pinksterdag", eerstePinkster, DayOfWeek.Sunday, HolidayKind.Feestdag, "art. 1 lid 1");
        AssertDay(days, "tweede Pinksterdag", tweedePinkster, DayOfWeek.Monday, HolidayKind.Feestdag, "art. 3 lid 1");
    }

    [Theory]
    [InlineData(2025, "2025-04-26")] // 27-04-2025 is a Sunday, so Koningsdag moves to Saturday 26-04
    [InlineData(2026, "2026-04-27")] // Monday
    [InlineData(2027, "2027-04-27")] // Tuesday
    [InlineData(2028, "2028-04-27")] // Thursday
    [InlineData(2029, "2029-04-27")] // Friday
    [InlineData(2030, "2030-04-27")] // Saturday: stays, only a Sunday moves it
    [InlineData(2031, "2031-04-26")] // 27-04-2031 is a Sunday again
    public void Koningsdag_is_27_April_or_26_April_when_the_27th_is_a_Sunday(int year, string expected)
    {
        Assert.Equal(Day(expected), DutchHolidays.Koningsdag(year));
        AssertDay(DutchHolidays.AtwFeestdagen(year), "Koningsdag", expected, Day(expected).DayOfWeek, HolidayKind.Feestdag, "art. 3 lid 1");
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    [InlineData(2031)]
    public void Fixed_dates_every_year_including_5_mei(int year)
    {
        var days = DutchHolidays.AtwFeestdagen(year);
        AssertDay(days, "Nieuwjaarsdag", $"{year}-01-01", null, HolidayKind.Feestdag, "art. 3 lid 1");
        AssertDay(days, "Bevrijdingsdag (5 mei)", $"{year}-05-05", null, HolidayKind.Feestdag, "art. 3 lid 1");
        AssertDay(days, "eerste Kerstdag", $"{year}-12-25", null, HolidayKind.Feestdag, "art. 3 lid 1");
        AssertDay(days, "tweede Kerstdag", $"{year}-12-26", null, HolidayKind.Feestdag, "art. 3 lid 1");
        Assert.Equal(11, days.Count);
        Assert.Equal(days.OrderBy(day => day.Date), days);
    }

    [Theory]
    [InlineData(2013)]
    [InlineData(9999)]
    public void Years_outside_the_modelled_range_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DutchHolidays.AtwFeestdagen(year));
    }

    private static void AssertDay(IReadOnlyList<Holiday> days, string name, string date, DayOfWeek? weekday, HolidayKind kind, string article)
    {
        var day = Assert.Single(days, candidate => candidate.Name == name);
        Assert.Equal(Day(date), day.Date);
        if (weekday is { } expected)
        {
            Assert.Equal(expected, day.Date.DayOfWeek);
        }

        Assert.Equal(kind, day.Kind);
        Assert.Contains(article, day.Source, StringComparison.Ordinal);
        Assert.True(day.CountsForAtw);
    }
}
