namespace Inburgering.Workflows.Calendar;

/// <summary>The single unit of a <see cref="BusinessDuration"/>.</summary>
public enum DurationUnit
{
    /// <summary>Calendar days (<c>P10D</c>). First so that <c>default(BusinessDuration)</c> is <c>P0D</c>.</summary>
    Days = 0,

    /// <summary>Calendar weeks of seven days (<c>P10W</c>).</summary>
    Weeks,

    /// <summary>Calendar months (<c>P6M</c>); month ends follow <see cref="CalendarOptions.MonthEndRule"/>.</summary>
    Months,

    /// <summary>Calendar years (<c>P3Y</c>); counted as twelve months.</summary>
    Years,

    /// <summary>Working days (<c>P5WD</c>, our extension of ISO 8601): the start day is not counted.</summary>
    Werkdagen,

    /// <summary>Hours (<c>PT2H</c>); only for short technical timers, never for legal terms.</summary>
    Hours,

    /// <summary>Minutes (<c>PT30M</c>); only for short technical timers.</summary>
    Minutes,

    /// <summary>Seconds (<c>PT45S</c>); only for short technical timers.</summary>
    Seconds,
}
