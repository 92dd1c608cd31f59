using Inburgering.Workflows.Calendar;
using Microsoft.Extensions.Time.Testing;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>A deadline day ends at 23:59:59.999 Europe/Amsterdam; the UTC moment depends on daylight saving time.</summary>
public sealed class TimeZoneTests
{
    private readonly BusinessCalendar calendar = NewCalendar();

    [Theory]
    [InlineData("2030-04-29", 21)]   // CEST, UTC+2
    [InlineData("2030-01-02", 22)]   // CET, UTC+1
    [InlineData("2030-03-31", 21)]   // clocks go forward at 02:00 that Sunday: the evening is already UTC+2
    [InlineData("2030-10-27", 22)]   // clocks go back at 03:00 that Sunday: the evening is UTC+1 again
    [InlineData("2030-03-30", 22)]   // Saturday before the switch: still winter time
    public void End_of_day_is_the_last_millisecond_in_Amsterdam(string date, int utcHour)
    {
        var due = calendar.EndOfDayUtc(Day(date));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(Day(date).ToDateTime(new TimeOnly(utcHour, 59, 59, 999)), due.DateTime);
        Assert.Equal(Day(date), calendar.ToLocalDate(due));
        Assert.Equal(Day(date).AddDays(1), calendar.ToLocalDate(due.AddMilliseconds(1)));
    }

    [Theory]
    [InlineData("2030-04-29T21:59:59Z", "2030-04-29")]
    [InlineData("2030-04-29T22:00:00Z", "2030-04-30")]   // midnight in Amsterdam, still the 29th in UTC
    [InlineData("2030-01-02T23:30:00+00:00", "2030-01-03")]
    [InlineData("2030-01-02T08:00:00-05:00", "2030-01-02")]
    public void Instants_map_to_the_Amsterdam_day(string instant, string expected)
    {
        var parsed = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Day(expected), calendar.ToLocalDate(parsed));
    }

    [Fact]
    public void Today_comes_from_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(Day("2031-01-01"), calendar.Today(time));
    }

    [Fact]
    public void Another_time_zone_can_be_configured()
    {
        var utc = NewCalendar(options => options.TimeZoneId = "UTC");
        Assert.Equal(new DateTimeOffset(2030, 4, 29, 23, 59, 59, 999, TimeSpan.Zero), utc.EndOfDayUtc(Day("2030-04-29")));
    }
}
