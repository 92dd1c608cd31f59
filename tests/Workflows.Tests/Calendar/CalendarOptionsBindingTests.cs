using Inburgering.Workflows.Calendar;
using Microsoft.Extensions.Configuration;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>The options bind from the <c>Calendar</c> section with the keys documented in docs/calendar.md.</summary>
public sealed class CalendarOptionsBindingTests
{
    [Fact]
    public void Binds_all_keys_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Calendar:TimeZoneId"] = "Europe/Amsterdam",
                ["Calendar:Gemeente"] = "Noordwijk",
                ["Calendar:MonthEndRule"] = "LastDayToLastDay",
                ["Calendar:RoyalDecreeOverrides:0:Year"] = "2026",
                ["Calendar:RoyalDecreeOverrides:0:Source"] = "Stcrt. 2025, 99999",
                ["Calendar:RoyalDecreeOverrides:0:Days:0"] = "2026-05-15",
                ["Calendar:ClosingDays:0:Date"] = "2026-12-24",
                ["Calendar:ClosingDays:0:Name"] = "kerstavond",
            })
            .Build();

        var options = new CalendarOptions();
        configuration.GetSection(CalendarOptions.SectionName).Bind(options);

        Assert.Empty(options.Validate());
        Assert.Equal("Noordwijk", options.Gemeente);
        Assert.Equal(MonthEndRule.LastDayToLastDay, options.MonthEndRule);
        var decree = Assert.Single(options.RoyalDecreeOverrides);
        Assert.Equal(2026, decree.Year);
        Assert.Equal([Day("2026-05-15")], decree.Days);
        var closing = Assert.Single(options.ClosingDays);
        Assert.Equal((Day("2026-12-24"), "kerstavond"), (closing.Date, closing.Name));

        var calendar = new BusinessCalendar(options);
        Assert.True(calendar.IsWorkingDay(Day("2026-05-04")));    // default bridge day replaced by the decree
        Assert.False(calendar.IsWorkingDay(Day("2026-12-24")));
    }
}
