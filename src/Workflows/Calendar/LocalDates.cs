using System.Globalization;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Reads a date that may come from an expression: <c>yyyy-MM-dd</c> as written, or an ISO-8601 date and time (a
/// JavaScript <c>Date</c> becomes a UTC string) taken as its date in the calendar's time zone — local midnight in
/// Amsterdam is the previous day in UTC, so cutting the string would land a day early.
/// </summary>
public static class LocalDates
{
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(zone);
        date = default;
        if (text is null)
        {
            return false;
        }
        if (text.Length == 10)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var instant))
        {
            date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
            return true;
        }
        return false;
    }
}
