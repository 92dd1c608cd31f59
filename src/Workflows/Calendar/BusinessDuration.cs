using System.Globalization;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// A term as the law and the policy plan write it: one non-negative whole amount of one unit ("10 weken", "6 maanden",
/// "5 werkdagen"). Deliberately not a <see cref="TimeSpan"/>: months, years and werkdagen have no fixed length, so the
/// end of a term can only be computed against a start date and a <see cref="BusinessCalendar"/>.
/// Text form is ISO 8601 style with exactly one unit: <c>P10D</c>, <c>P10W</c>, <c>P6M</c>, <c>P3Y</c>, <c>P5WD</c>,
/// <c>PT2H</c>, <c>PT30M</c>, <c>PT45S</c>.
/// </summary>
public readonly record struct BusinessDuration
{
    public BusinessDuration(int amount, DurationUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown duration unit.");
        }

        Amount = amount;
        Unit = unit;
    }

    /// <summary>The whole, non-negative number of units.</summary>
    public int Amount { get; }

    public DurationUnit Unit { get; }

    /// <summary>True for hours, minutes and seconds: technical timers that have no calendar meaning.</summary>
    public bool IsTimeUnit => Unit is DurationUnit.Hours or DurationUnit.Minutes or DurationUnit.Seconds;

    public static BusinessDuration FromDays(int amount) => new(amount, DurationUnit.Days);

    public static BusinessDuration FromWeeks(int amount) => new(amount, DurationUnit.Weeks);

    public static BusinessDuration FromMonths(int amount) => new(amount, DurationUnit.Months);

    public static BusinessDuration FromYears(int amount) => new(amount, DurationUnit.Years);

    public static BusinessDuration FromWerkdagen(int amount) => new(amount, DurationUnit.Werkdagen);

    public static BusinessDuration FromHours(int amount) => new(amount, DurationUnit.Hours);

    public static BusinessDuration FromMinutes(int amount) => new(amount, DurationUnit.Minutes);

    public static BusinessDuration FromSeconds(int amount) => new(amount, DurationUnit.Seconds);

    /// <summary>
    /// Parses the text form. On failure <paramref name="error"/> is an English message that names the accepted forms,
    /// meant to be shown next to the JSON path of the offending value.
    /// </summary>
    public static bool TryParse(string? text, out BusinessDuration duration, out string? error) =>
        BusinessDurationParser.TryParse(text, out duration, out error);

    /// <summary>Parses the text form or throws <see cref="FormatException"/> with the same message as <see cref="TryParse"/>.</summary>
    public static BusinessDuration Parse(string text)
    {
        return TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);
    }

    /// <summary>The fixed length of a time unit (hours, minutes, seconds); throws for calendar units.</summary>
    public TimeSpan ToTimeSpan() => Unit switch
    {
        DurationUnit.Hours => TimeSpan.FromHours(Amount),
        DurationUnit.Minutes => TimeSpan.FromMinutes(Amount),
        DurationUnit.Seconds => TimeSpan.FromSeconds(Amount),
        _ => throw new InvalidOperationException(
            $"{this} has no fixed length; compute its end with BusinessCalendar.Add against a start date."),
    };

    /// <summary>The canonical text form; <see cref="Parse"/> of it gives back an equal value.</summary>
    public override string ToString()
    {
        var amount = Amount.ToString(CultureInfo.InvariantCulture);
        return Unit switch
        {
            DurationUnit.Days => $"P{amount}D",
            DurationUnit.Weeks => $"P{amount}W",
            DurationUnit.Months => $"P{amount}M",
            DurationUnit.Years => $"P{amount}Y",
            DurationUnit.Werkdagen => $"P{amount}WD",
            DurationUnit.Hours => $"PT{amount}H",
            DurationUnit.Minutes => $"PT{amount}M",
            _ => $"PT{amount}S",
        };
    }

    /// <summary>Dutch text for explanations shown to users: "10 weken", "5 werkdagen", "6 maanden", "1 jaar".</summary>
    public string ToDutch()
    {
        var one = Amount == 1;
        var noun = Unit switch
        {
            DurationUnit.Days => one ? "dag" : "dagen",
            DurationUnit.Weeks => one ? "week" : "weken",
            DurationUnit.Months => one ? "maand" : "maanden",
            // Dutch keeps "jaar" after a number ("3 jaar"), as the Wet inburgering 2021 writes the termijn.
            DurationUnit.Years => "jaar",
            DurationUnit.Werkdagen => one ? "werkdag" : "werkdagen",
            DurationUnit.Hours => "uur",
            DurationUnit.Minutes => one ? "minuut" : "minuten",
            _ => one ? "seconde" : "seconden",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Amount} {noun}");
    }
}
