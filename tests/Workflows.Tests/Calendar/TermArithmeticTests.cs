using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>BusinessCalendar.Add: plain arithmetic without the Algemene termijnenwet.</summary>
public sealed class TermArithmeticTests
{
    [Theory]
    [InlineData("2030-02-16", "P10W", "2030-04-27")]  // 10 weken = 70 days, same weekday (Saturday)
    [InlineData("2026-03-02", "P6W", "2026-04-13")]   // bezwaartermijn 6 weken: Monday -> Monday
    [InlineData("2026-03-02", "P10D", "2026-03-12")]
    [InlineData("2026-03-02", "P0D", "2026-03-02")]
    [InlineData("2026-03-15", "P3Y", "2029-03-15")]   // inburgeringstermijn 3 jaar
    [InlineData("2026-03-15", "P6M", "2026-09-15")]   // ontzorging 6 maanden
    public void Calendar_units(string start, string duration, string expected)
    {
        Assert.Equal(Day(expected), NewCalendar().Add(Day(start), BusinessDuration.Parse(duration)));
    }

    [Theory]
    [InlineData("2030-03-15", "P6M", "2029-09-15")]   // verlenging: request from 6 months before the end of the termijn
    [InlineData("2026-08-31", "P6M", "2026-02-28")]   // month end clamps backwards too
    [InlineData("2028-02-29", "P1Y", "2027-02-28")]
    [InlineData("2026-04-13", "P6W", "2026-03-02")]
    [InlineData("2026-03-02", "P0D", "2026-03-02")]
    [InlineData("2026-04-28", "P2WD", "2026-04-23")]  // back over Koningsdag (Monday 27-04-2026) and the weekend: Fri 24, Thu 23
    public void Subtract_counts_backwards(string end, string duration, string expected)
    {
        Assert.Equal(Day(expected), NewCalendar().Subtract(Day(end), BusinessDuration.Parse(duration)));
    }

    [Theory]
    [InlineData("2027-01-31", "P1M", "2027-02-28")]   // non-leap year: February has 28 days, clamp
    [InlineData("2028-01-31", "P1M", "2028-02-29")]   // leap year: clamp to 29 February
    [InlineData("2025-08-31", "P6M", "2026-02-28")]   // 31 August + 6 months: February 2026 has 28 days
    [InlineData("2028-02-29", "P1Y", "2029-02-28")]   // 29 February + 1 year: no 29th in 2029
    [InlineData("2028-02-29", "P4Y", "2032-02-29")]   // ... but 2032 is a leap year again
    [InlineData("2027-02-28", "P1M", "2027-03-28")]   // Clamp keeps the day number, it does not jump to 31 March
    [InlineData("2026-03-31", "P1M", "2026-04-30")]
    public void Month_end_clamps_to_the_last_day_of_the_month(string start, string duration, string expected)
    {
        Assert.Equal(Day(expected), NewCalendar().Add(Day(start), BusinessDuration.Parse(duration)));
    }

    [Theory]
    [InlineData("2027-02-28", "P1M", "2027-03-31")]   // month end stays month end
    [InlineData("2027-01-31", "P1M", "2027-02-28")]
    [InlineData("2027-02-27", "P1M", "2027-03-27")]   // not a month end: same as Clamp
    [InlineData("2027-02-28", "P1Y", "2028-02-29")]   // last day of February -> last day of February
    public void LastDayToLastDay_rule_keeps_month_ends(string start, string duration, string expected)
    {
        var calendar = NewCalendar(options => options.MonthEndRule = MonthEndRule.LastDayToLastDay);
        Assert.Equal(Day(expected), calendar.Add(Day(start), BusinessDuration.Parse(duration)));
    }

    [Theory]
    // From Tue 23-12-2025: Wed 24 (1); 25/26 Kerst, 27/28 weekend; Mon 29 (2); Tue 30 (3).
    [InlineData("2025-12-23", 3, "2025-12-30")]
    // ... Wed 31 (4); Thu 01-01 Nieuwjaarsdag; Fri 02-01-2026 default bridge day; weekend; Mon 05-01 (5).
    [InlineData("2025-12-23", 5, "2026-01-05")]
    // From Fri 21-12-2029: weekend; Mon 24 bridge (Kerst on Tue); 25/26 Kerst; Thu 27 (1); Fri 28 (2); weekend;
    // Mon 31 bridge (Nieuwjaarsdag 2030 on Tue); Tue 01-01-2030; Wed 02-01-2030 (3).
    [InlineData("2029-12-21", 3, "2030-01-02")]
    [InlineData("2026-03-06", 1, "2026-03-09")]   // Friday + 1 werkdag = Monday (start day not counted)
    [InlineData("2026-03-07", 0, "2026-03-07")]   // 0 werkdagen: the start day itself, even on a Saturday
    public void Werkdagen_skip_weekends_holidays_and_bridge_days(string start, int count, string expected)
    {
        var calendar = NewCalendar();
        Assert.Equal(Day(expected), calendar.Add(Day(start), BusinessDuration.FromWerkdagen(count)));
        Assert.Equal(Day(expected), calendar.AddWerkdagen(Day(start), count));
    }

    [Theory]
    [InlineData("2026-03-09", true)]    // ordinary Monday
    [InlineData("2026-03-07", false)]   // Saturday
    [InlineData("2026-03-08", false)]   // Sunday
    [InlineData("2026-04-03", false)]   // Goede Vrijdag
    [InlineData("2026-05-05", false)]   // 5 mei, also in a non-lustrum year
    [InlineData("2026-05-15", false)]   // Friday after Hemelvaartsdag
    public void Working_days(string date, bool expected)
    {
        Assert.Equal(expected, NewCalendar().IsWorkingDay(Day(date)));
    }

    [Fact]
    public void Time_units_cannot_be_added_to_a_day()
    {
        var exception = Assert.Throws<ArgumentException>(() => NewCalendar().Add(Day("2026-03-09"), BusinessDuration.FromHours(2)));
        Assert.Contains("ToTimeSpan", exception.Message, StringComparison.Ordinal);
    }
}
