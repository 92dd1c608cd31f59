using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

public sealed class CalendarOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new CalendarOptions();
        Assert.Empty(options.Validate());
        Assert.Equal("Europe/Amsterdam", options.TimeZoneId);
        Assert.Equal(MonthEndRule.Clamp, options.MonthEndRule);
        Assert.Equal("Calendar", CalendarOptions.SectionName);
    }

    [Fact]
    public void Every_error_names_its_configuration_key()
    {
        var options = new CalendarOptions { TimeZoneId = "Mars/Olympus_Mons", Gemeente = " ", MonthEndRule = (MonthEndRule)7 };
        var decree = new RoyalDecreeYearOptions { Year = 2026 };
        decree.Days.Add(Day("2027-01-04"));
        decree.Days.Add(Day("2026-05-15"));
        decree.Days.Add(Day("2026-05-15"));
        options.RoyalDecreeOverrides.Add(decree);
        options.RoyalDecreeOverrides.Add(new RoyalDecreeYearOptions { Year = 2026 });
        options.RoyalDecreeOverrides.Add(new RoyalDecreeYearOptions { Year = 2000 });
        options.ClosingDays.Add(new ClosingDayOptions { Date = Day("2026-12-24"), Name = "" });
        options.ClosingDays.Add(new ClosingDayOptions { Date = Day("2026-12-24") });

        var errors = options.Validate();

        Assert.Collection(
            errors,
            error => Assert.StartsWith("Calendar:TimeZoneId: time zone 'Mars/Olympus_Mons' is not known", error, StringComparison.Ordinal),
            error => Assert.StartsWith("Calendar:Gemeente:", error, StringComparison.Ordinal),
            error => Assert.StartsWith("Calendar:MonthEndRule: '7'", error, StringComparison.Ordinal),
            error => Assert.Equal("Calendar:RoyalDecreeOverrides:0:Days:0: 2027-01-04 is not in year 2026.", error),
            error => Assert.Equal("Calendar:RoyalDecreeOverrides:0:Days:2: 2026-05-15 is listed more than once.", error),
            error => Assert.Equal("Calendar:RoyalDecreeOverrides:1:Year: year 2026 is listed more than once.", error),
            error => Assert.StartsWith("Calendar:RoyalDecreeOverrides:2:Year: 2000 is outside", error, StringComparison.Ordinal),
            error => Assert.Equal("Calendar:ClosingDays:0:Name: a name is required.", error),
            error => Assert.Equal("Calendar:ClosingDays:1:Date: 2026-12-24 is listed more than once.", error));
    }

    [Fact]
    public void The_calendar_refuses_invalid_options()
    {
        var exception = Assert.Throws<ArgumentException>(() => NewCalendar(options => options.TimeZoneId = ""));
        Assert.Contains("Calendar:TimeZoneId", exception.Message, StringComparison.Ordinal);
    }
}
