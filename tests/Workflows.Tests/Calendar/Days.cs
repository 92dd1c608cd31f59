using System.Globalization;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>Short helpers so test rows can be written as ISO dates.</summary>
internal static class Days
{
    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static BusinessCalendar NewCalendar(Action<CalendarOptions>? configure = null)
    {
        var options = new CalendarOptions();
        configure?.Invoke(options);
        return new BusinessCalendar(options);
    }
}
