using System.Globalization;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Strict parser for <see cref="BusinessDuration"/>. Strict on purpose: workflow definitions are written by hand,
/// and a silently mis-read "P1Y6M" or "p10w" would move a legal deadline, so every deviation is an error.
/// </summary>
internal static class BusinessDurationParser
{
    internal const string AcceptedForms =
        "Use 'P' (or 'PT' for hours, minutes and seconds), a non-negative whole number and exactly one unit: "
        + "P{n}D (days), P{n}W (weeks), P{n}M (months), P{n}Y (years), P{n}WD (werkdagen/working days), "
        + "PT{n}H (hours), PT{n}M (minutes), PT{n}S (seconds); for example P10W, P6M, P5WD or PT30M.";

    public static bool TryParse(string? text, out BusinessDuration duration, out string? error)
    {
        duration = default;
        error = Validate(text, out var amount, out var unit);
        if (error is not null)
        {
            error = text is null ? $"A duration is required. {AcceptedForms}" : $"'{text}' is not a valid duration: {error}. {AcceptedForms}";
            return false;
        }

        duration = new BusinessDuration(amount, unit);
        return true;
    }

    private static string? Validate(string? text, out int amount, out DurationUnit unit)
    {
        amount = 0;
        unit = DurationUnit.Days;
        if (text is null)
        {
            return "it is missing";
        }

        if (text.Length == 0 || text.Trim().Length != text.Length)
        {
            return text.Length == 0 ? "it is empty" : "it has leading or trailing whitespace";
        }

        if (text[0] != 'P')
        {
            return "it must start with an upper-case 'P'";
        }

        var isTime = text.Length > 1 && text[1] == 'T';
        var position = isTime ? 2 : 1;
        var digitsStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position == digitsStart)
        {
            return position < text.Length && text[position] is '-' or '+' or '.' or ','
                ? "the amount must be a non-negative whole number without sign or decimals"
                : "the amount is missing";
        }

        if (!int.TryParse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            return $"the amount is larger than {int.MaxValue}";
        }

        var suffix = text[position..];
        if (suffix.Length == 0)
        {
            return "the unit is missing";
        }

        if (suffix[0] is '.' or ',')
        {
            return "the amount must be a whole number without decimals";
        }

        DurationUnit? parsed = (isTime, suffix) switch
        {
            (false, "D") => DurationUnit.Days,
            (false, "W") => DurationUnit.Weeks,
            (false, "M") => DurationUnit.Months,
            (false, "Y") => DurationUnit.Years,
            (false, "WD") => DurationUnit.Werkdagen,
            (true, "H") => DurationUnit.Hours,
            (true, "M") => DurationUnit.Minutes,
            (true, "S") => DurationUnit.Seconds,
            _ => null,
        };
        if (parsed is { } found)
        {
            unit = found;
            return null;
        }

        return DescribeBadUnit(isTime, suffix);
    }

    private static string DescribeBadUnit(bool isTime, string suffix)
    {
        if (suffix.Any(char.IsAsciiDigit) || (!isTime && suffix.Contains('T', StringComparison.Ordinal)))
        {
            return "only one unit is allowed (combinations such as P1Y6M or P1DT2H are not supported)";
        }

        if (!isTime && suffix is "H" or "S")
        {
            return $"hours and seconds need the time marker 'T' (PT{{n}}{suffix})";
        }

        if (isTime && suffix is "D" or "W" or "Y" or "WD")
        {
            return $"'{suffix}' is a date unit and must not follow 'T' (P{{n}}{suffix})";
        }

        return suffix.Any(char.IsAsciiLetterLower)
            ? $"unit '{suffix}' must be written in upper case"
            : $"unit '{suffix}' is not known";
    }
}
