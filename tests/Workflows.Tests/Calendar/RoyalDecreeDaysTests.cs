using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>
/// Atw art. 3 lid 3: days equated by royal decree. Default rule worked out by hand per year:
/// Friday after Hemelvaartsdag always; Monday before Nieuwjaarsdag/Koningsdag/5 mei/eerste Kerstdag on a Tuesday;
/// Friday after Nieuwjaarsdag/Koningsdag/5 mei/tweede Kerstdag on a Thursday.
/// </summary>
public sealed class RoyalDecreeDaysTests
{
    [Theory]
    // 2025: Hemelvaart Thu 29-05 -> Fri 30-05. 1 Jan Wed, Koningsdag Sat, 5 mei Mon, Kerst Thu/Fri: no bridge days.
    [InlineData(2025, "2025-05-30")]
    // 2026: 1 Jan Thu -> Fri 02-01; 5 mei Tue -> Mon 04-05; Hemelvaart Thu 14-05 -> Fri 15-05.
    [InlineData(2026, "2026-01-02", "2026-05-04", "2026-05-15")]
    // 2027: Koningsdag Tue 27-04 -> Mon 26-04; Hemelvaart Thu 06-05 -> Fri 07-05.
    [InlineData(2027, "2027-04-26", "2027-05-07")]
    // 2028: Koningsdag Thu 27-04 -> Fri 28-04; Hemelvaart Thu 25-05 -> Fri 26-05. Tweede Kerstdag Tue: not in the rule.
    [InlineData(2028, "2028-04-28", "2028-05-26")]
    // 2029: Hemelvaart -> Fri 11-05; eerste Kerstdag Tue 25-12 -> Mon 24-12; Nieuwjaarsdag 2030 Tue -> Mon 31-12-2029.
    [InlineData(2029, "2029-05-11", "2029-12-24", "2029-12-31")]
    // 2030: Hemelvaart -> Fri 31-05; tweede Kerstdag Thu 26-12 -> Fri 27-12. (Mon 31-12-2029 belongs to 2029.)
    [InlineData(2030, "2030-05-31", "2030-12-27")]
    // 2031: same weekdays as 2025.
    [InlineData(2031, "2031-05-23")]
    public void Default_rule(int year, params string[] expected)
    {
        var days = DutchHolidays.DefaultRoyalDecreeDays(year);
        Assert.Equal(expected.Select(Day), days.Select(day => day.Date));
        Assert.All(days, day => Assert.Equal(HolidayKind.EquatedByRoyalDecree, day.Kind));
        Assert.All(days, day => Assert.Contains("art. 3 lid 3", day.Source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-05-30", "vrijdag na Hemelvaartsdag")]
    [InlineData("2026-01-02", "vrijdag na Nieuwjaarsdag")]
    [InlineData("2026-05-04", "maandag voor 5 mei")]
    [InlineData("2027-04-26", "maandag voor Koningsdag")]
    [InlineData("2028-04-28", "vrijdag na Koningsdag")]
    [InlineData("2029-12-24", "maandag voor eerste Kerstdag")]
    [InlineData("2029-12-31", "maandag voor Nieuwjaarsdag")]
    [InlineData("2030-12-27", "vrijdag na tweede Kerstdag")]
    public void Default_days_are_named_and_are_not_working_days(string date, string name)
    {
        var calendar = NewCalendar();
        var holiday = Assert.Single(calendar.GetHolidays(Day(date)));
        Assert.Equal(name, holiday.Name);
        Assert.False(calendar.IsWorkingDay(Day(date)));
        Assert.True(calendar.IsAtwNonWorkingDay(Day(date)));
    }

    [Fact]
    public void An_override_year_uses_exactly_the_listed_days_instead_of_the_default_rule()
    {
        // Suppose the decree for 2026 only equates the Friday after Hemelvaartsdag and adds 24 December.
        var calendar = NewCalendar(options =>
        {
            var decree = new RoyalDecreeYearOptions { Year = 2026, Source = "Besluit van 1 juli 2025, Stcrt. 2025, 99999" };
            decree.Days.Add(Day("2026-05-15"));
            decree.Days.Add(Day("2026-12-24"));
            options.RoyalDecreeOverrides.Add(decree);
        });

        Assert.True(calendar.IsWorkingDay(Day("2026-01-02")));   // default bridge day, not in the decree
        Assert.True(calendar.IsWorkingDay(Day("2026-05-04")));   // default bridge day, not in the decree
        Assert.False(calendar.IsAtwNonWorkingDay(Day("2026-05-04")));
        Assert.True(calendar.IsAtwNonWorkingDay(Day("2026-05-15")));
        Assert.True(calendar.IsAtwNonWorkingDay(Day("2026-12-24")));
        var listed = Assert.Single(calendar.GetHolidays(Day("2026-12-24")));
        Assert.Contains("Stcrt. 2025, 99999", listed.Source, StringComparison.Ordinal);

        // Other years keep the default rule.
        Assert.True(calendar.IsAtwNonWorkingDay(Day("2027-04-26")));
    }

    [Fact]
    public void An_override_with_no_days_removes_all_equated_days_of_that_year()
    {
        var calendar = NewCalendar(options => options.RoyalDecreeOverrides.Add(new RoyalDecreeYearOptions { Year = 2030 }));

        Assert.True(calendar.IsWorkingDay(Day("2030-05-31")));   // Friday after Hemelvaartsdag
        Assert.True(calendar.IsWorkingDay(Day("2030-12-27")));   // Friday after tweede Kerstdag
        Assert.False(calendar.IsWorkingDay(Day("2030-04-19")));  // Goede Vrijdag is art. 3 lid 2, not the decree
    }
}
