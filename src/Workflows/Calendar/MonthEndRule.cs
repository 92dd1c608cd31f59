namespace Inburgering.Workflows.Calendar;

/// <summary>How a term in months or years ends when the start day does not exist in the end month.</summary>
public enum MonthEndRule
{
    /// <summary>
    /// Same day number in the end month, clamped to that month's last day: 31 January + 1 month = 28 February
    /// (29 in a leap year); 29 February + 1 year = 28 February. This is how Dutch practice counts terms ("een maand na
    /// 31 januari" ends on the last day of February, never in March), so it is the default.
    /// </summary>
    Clamp = 0,

    /// <summary>
    /// Like <see cref="Clamp"/>, but a start on the last day of a month ends on the last day of the end month
    /// (28 February + 1 month = 31 March). Only for gemeenten whose policy explicitly counts in whole months.
    /// </summary>
    LastDayToLastDay,
}
