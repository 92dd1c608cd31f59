using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>
/// Gemeente closing days count for werkdagen of policy terms only; the Algemene termijnenwet does not know them.
/// Configured here: Wednesday 24-12-2025 and Wednesday 31-12-2025.
/// </summary>
public sealed class GemeenteClosingDayTests
{
    private readonly BusinessCalendar calendar = NewCalendar(options =>
    {
        options.Gemeente = "Noordwijk";
        options.ClosingDays.Add(new ClosingDayOptions { Date = Day("2025-12-24"), Name = "kerstavond (gemeentehuis dicht)" });
        options.ClosingDays.Add(new ClosingDayOptions { Date = Day("2025-12-31"), Name = "oudejaarsdag (gemeentehuis dicht)" });
    });

    [Fact]
    public void A_closing_day_is_no_working_day_but_no_Atw_day_either()
    {
        Assert.False(calendar.IsWorkingDay(Day("2025-12-24")));
        Assert.False(calendar.IsAtwNonWorkingDay(Day("2025-12-24")));
        var holiday = Assert.Single(calendar.GetHolidays(Day("2025-12-24")));
        Assert.Equal(HolidayKind.GemeenteClosingDay, holiday.Kind);
        Assert.False(holiday.CountsForAtw);
        Assert.Contains("Noordwijk", holiday.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_werkdagen_skip_closing_days()
    {
        // From Mon 22-12-2025: Tue 23 (1); Wed 24 closed; 25/26 Kerst; weekend; Mon 29 (2); Tue 30 (3); Wed 31 closed;
        // Thu 01-01 Nieuwjaarsdag; Fri 02-01-2026 bridge day; weekend; Mon 05-01 (4); Tue 06-01 (5).
        var deadline = calendar.ComputeDeadline(Request(TermKind.Policy));

        Assert.Equal(Day("2026-01-06"), deadline.Final);
        Assert.Equal(Day("2026-01-06"), calendar.Add(Day("2025-12-22"), BusinessDuration.FromWerkdagen(5)));
    }

    [Fact]
    public void Statutory_werkdagen_ignore_closing_days_and_are_not_shifted_off_them()
    {
        // Atw days only: Tue 23 (1), Wed 24 (2), Mon 29 (3), Tue 30 (4), Wed 31 (5). 31-12 is a closing day, but the
        // Atw does not move a statutory term off it: the gemeente cannot lengthen a term set by law.
        var deadline = calendar.ComputeDeadline(Request(TermKind.Statutory));

        Assert.Equal(Day("2025-12-31"), deadline.RawEnd);
        Assert.Equal(Day("2025-12-31"), deadline.Final);
        Assert.Empty(deadline.Shifts);
    }

    [Fact]
    public void Without_closing_days_policy_werkdagen_end_earlier()
    {
        Assert.Equal(Day("2025-12-31"), NewCalendar().Add(Day("2025-12-22"), BusinessDuration.FromWerkdagen(5)));
    }

    [Fact]
    public void Closing_days_are_listed_with_the_holidays_of_their_year()
    {
        var year = calendar.GetHolidays(2025);
        Assert.Contains(year, day => day.Date == Day("2025-12-31") && day.Kind == HolidayKind.GemeenteClosingDay);
        Assert.Equal(year.OrderBy(day => day.Date), year);
    }

    private static DeadlineRequest Request(TermKind kind) => new(
        Day("2025-12-22"), BusinessDuration.FromWerkdagen(5), kind, "Reactie binnen 5 werkdagen", "", "aanvraag");
}
