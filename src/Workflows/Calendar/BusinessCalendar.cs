namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Dutch business calendar: working days, term arithmetic, Algemene termijnenwet deadlines and the conversion of a
/// deadline day to the instant it ends. Thread-safe and meant to be a singleton.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HolidayTable holidays;
    private readonly AtwTermRules atw;
    private readonly MonthEndRule monthEndRule;

    public BusinessCalendar(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid calendar configuration: " + string.Join(" ", errors), nameof(options));
        }

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        monthEndRule = options.MonthEndRule;
        holidays = new HolidayTable(options);
        atw = new AtwTermRules(holidays);
    }

    /// <summary>The zone in which deadline days begin and end.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>All holidays, equated days and gemeente closing days of a year (weekends not included), by date.</summary>
    public IReadOnlyList<Holiday> GetHolidays(int year) => holidays.ForYear(year);

    /// <summary>The holidays, equated days and closing days on one date; empty for an ordinary day.</summary>
    public IReadOnlyList<Holiday> GetHolidays(DateOnly date) => holidays.On(date);

    /// <summary>Not a Saturday or Sunday, no feestdag, no equated day and no gemeente closing day.</summary>
    public bool IsWorkingDay(DateOnly date) => !atw.IsNonWorkingDay(date) && holidays.On(date).Count == 0;

    /// <summary>Saturday, Sunday, algemeen erkende feestdag or equated day: the days the Algemene termijnenwet skips.</summary>
    public bool IsAtwNonWorkingDay(DateOnly date) => atw.IsNonWorkingDay(date);

    /// <summary>
    /// Plain term arithmetic without the Atw: days and weeks as calendar days, months and years by
    /// <see cref="CalendarOptions.MonthEndRule"/>, werkdagen counted with <see cref="IsWorkingDay"/> (start day not counted).
    /// </summary>
    public DateOnly Add(DateOnly start, BusinessDuration duration) => Add(start, duration, IsWorkingDay);

    /// <summary>
    /// The day a duration before <paramref name="end"/>, e.g. "6 months before the end of the termijn" (the day DUO may
    /// first receive a verlenging request). Months clamp like <see cref="Add(DateOnly, BusinessDuration)"/>: 31-08 − 6
    /// months = 28/29-02; werkdagen count back over working days.
    /// </summary>
    public DateOnly Subtract(DateOnly end, BusinessDuration duration) => duration.Unit switch
    {
        DurationUnit.Days => end.AddDays(-duration.Amount),
        DurationUnit.Weeks => end.AddDays(checked(-duration.Amount * 7)),
        DurationUnit.Months => end.AddMonths(-duration.Amount),
        DurationUnit.Years => end.AddMonths(checked(-duration.Amount * 12)),
        DurationUnit.Werkdagen => SubtractWerkdagen(end, duration.Amount),
        _ => throw new ArgumentException($"{duration} is a technical timer unit, not a number of days.", nameof(duration)),
    };

    private DateOnly SubtractWerkdagen(DateOnly end, int count)
    {
        var day = end;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/>; 0 gives <paramref name="start"/> itself.</summary>
    public DateOnly AddWerkdagen(DateOnly start, int count) => AddWerkdagen(start, count, IsWorkingDay);

    /// <summary>
    /// Computes a deadline and its explanation. Statutory terms get the Algemene termijnenwet (art. 2, then art. 1) and
    /// count werkdagen without gemeente closing days; policy terms are plain and count werkdagen with them.
    /// </summary>
    public Deadline ComputeDeadline(DeadlineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RuleName, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.StartEventName, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Source, nameof(request));
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown term kind.");
        }

        var statutory = request.Kind == TermKind.Statutory;

        // A gemeente closing day is a local decision; it cannot lengthen a term set by law, so statutory werkdagen skip
        // only the days the Atw skips.
        var raw = Add(request.Start, request.Duration, statutory ? day => !atw.IsNonWorkingDay(day) : IsWorkingDay);
        var final = raw;
        IReadOnlyList<DeadlineShift> shifts = statutory ? atw.Apply(request.Start, raw, out final) : [];
        return new Deadline(request, raw, final, shifts, EndOfDayUtc(final), TimeZone.Id);
    }

    /// <summary>
    /// The last moment (23:59:59.999) of <paramref name="date"/> in the calendar's time zone, as UTC. Daylight saving time
    /// is taken from the zone's rules for that day, so the UTC hour differs between summer and winter.
    /// </summary>
    public DateTimeOffset EndOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59, 59, 999), DateTimeKind.Unspecified);

        // Europe/Amsterdam never changes clocks near midnight, but other zones do; when the moment occurs twice,
        // the later instant (smallest offset) is the true end of the day; inside a gap, step back to the last valid minute.
        TimeSpan offset;
        if (TimeZone.IsAmbiguousTime(local))
        {
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Min();
        }
        else
        {
            while (TimeZone.IsInvalidTime(local))
            {
                local = local.AddMinutes(-1);
            }

            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The calendar day on which <paramref name="instant"/> falls in the calendar's time zone.</summary>
    public DateOnly ToLocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Today in the calendar's time zone according to <paramref name="timeProvider"/> (never the system clock).</summary>
    public DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToLocalDate(timeProvider.GetUtcNow());
    }

    private DateOnly Add(DateOnly start, BusinessDuration duration, Func<DateOnly, bool> isWorkingDay) => duration.Unit switch
    {
        DurationUnit.Days => start.AddDays(duration.Amount),
        DurationUnit.Weeks => start.AddDays(checked(duration.Amount * 7)),
        DurationUnit.Months => AddMonths(start, duration.Amount),
        DurationUnit.Years => AddMonths(start, checked(duration.Amount * 12)),
        DurationUnit.Werkdagen => AddWerkdagen(start, duration.Amount, isWorkingDay),
        _ => throw new ArgumentException(
            $"{duration} is a technical timer unit; add it to an instant with BusinessDuration.ToTimeSpan(), not to a day.",
            nameof(duration)),
    };

    // DateOnly.AddMonths keeps the day number and clamps to the end of the target month (31-01 + 1 month = 28/29-02),
    // which is the Dutch way of counting; LastDayToLastDay additionally keeps a month-end start on the month end.
    private DateOnly AddMonths(DateOnly start, int months)
    {
        var end = start.AddMonths(months);
        var startIsMonthEnd = start.Day == DateTime.DaysInMonth(start.Year, start.Month);
        return monthEndRule == MonthEndRule.LastDayToLastDay && startIsMonthEnd
            ? new DateOnly(end.Year, end.Month, DateTime.DaysInMonth(end.Year, end.Month))
            : end;
    }

    private static DateOnly AddWerkdagen(DateOnly start, int count, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            found += isWorkingDay(day) ? 1 : 0;
        }

        return day;
    }
}
