namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Settings of the <see cref="BusinessCalendar"/>, bound from the <c>Calendar</c> configuration section
/// (e.g. <c>Calendar__TimeZoneId</c>, <c>Calendar__RoyalDecreeOverrides__0__Year</c>,
/// <c>Calendar__RoyalDecreeOverrides__0__Days__0</c>, <c>Calendar__ClosingDays__0__Date</c>).
/// One deployment serves one gemeente, so the closing days are that gemeente's.
/// </summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>IANA (or Windows) time zone in which a deadline day ends; default Europe/Amsterdam.</summary>
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";

    /// <summary>Name of the gemeente, used in explanations of closing days.</summary>
    public string Gemeente { get; set; } = "gemeente";

    /// <summary>How terms in months and years treat month ends; default <see cref="MonthEndRule.Clamp"/>.</summary>
    public MonthEndRule MonthEndRule { get; set; } = MonthEndRule.Clamp;

    /// <summary>Per-year royal decrees (Atw art. 3 lid 3) replacing the default bridging-day rule for that year.</summary>
    public IList<RoyalDecreeYearOptions> RoyalDecreeOverrides { get; } = [];

    /// <summary>Extra days the gemeente is closed; they never affect statutory (Atw) terms.</summary>
    public IList<ClosingDayOptions> ClosingDays { get; } = [];

    /// <summary>All configuration errors, each prefixed with its configuration key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            errors.Add($"{SectionName}:{nameof(TimeZoneId)}: a time zone id is required, e.g. Europe/Amsterdam.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            errors.Add($"{SectionName}:{nameof(TimeZoneId)}: time zone '{TimeZoneId}' is not known on this system.");
        }

        if (string.IsNullOrWhiteSpace(Gemeente))
        {
            errors.Add($"{SectionName}:{nameof(Gemeente)}: a name is required.");
        }

        if (!Enum.IsDefined(MonthEndRule))
        {
            errors.Add($"{SectionName}:{nameof(MonthEndRule)}: '{MonthEndRule}' is not one of {string.Join(", ", Enum.GetNames<MonthEndRule>())}.");
        }

        ValidateOverrides(errors);
        ValidateClosingDays(errors);
        return errors;
    }

    private void ValidateOverrides(List<string> errors)
    {
        var years = new HashSet<int>();
        for (var i = 0; i < RoyalDecreeOverrides.Count; i++)
        {
            var key = $"{SectionName}:{nameof(RoyalDecreeOverrides)}:{i}";
            var entry = RoyalDecreeOverrides[i];
            if (entry is null)
            {
                errors.Add($"{key}: entry is empty.");
                continue;
            }

            if (entry.Year is < DutchHolidays.FirstYear or > DutchHolidays.LastYear)
            {
                errors.Add($"{key}:{nameof(entry.Year)}: {entry.Year} is outside {DutchHolidays.FirstYear}-{DutchHolidays.LastYear}.");
            }
            else if (!years.Add(entry.Year))
            {
                errors.Add($"{key}:{nameof(entry.Year)}: year {entry.Year} is listed more than once.");
            }

            var days = new HashSet<DateOnly>();
            for (var d = 0; d < entry.Days.Count; d++)
            {
                var day = entry.Days[d];
                if (day.Year != entry.Year)
                {
                    errors.Add($"{key}:{nameof(entry.Days)}:{d}: {day:yyyy-MM-dd} is not in year {entry.Year}.");
                }
                else if (!days.Add(day))
                {
                    errors.Add($"{key}:{nameof(entry.Days)}:{d}: {day:yyyy-MM-dd} is listed more than once.");
                }
            }
        }
    }

    private void ValidateClosingDays(List<string> errors)
    {
        var days = new HashSet<DateOnly>();
        for (var i = 0; i < ClosingDays.Count; i++)
        {
            var key = $"{SectionName}:{nameof(ClosingDays)}:{i}";
            var entry = ClosingDays[i];
            if (entry is null)
            {
                errors.Add($"{key}: entry is empty.");
                continue;
            }

            if (entry.Date.Year is < DutchHolidays.FirstYear or > DutchHolidays.LastYear)
            {
                errors.Add($"{key}:{nameof(entry.Date)}: {entry.Date:yyyy-MM-dd} is outside {DutchHolidays.FirstYear}-{DutchHolidays.LastYear}.");
            }
            else if (!days.Add(entry.Date))
            {
                errors.Add($"{key}:{nameof(entry.Date)}: {entry.Date:yyyy-MM-dd} is listed more than once.");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{key}:{nameof(entry.Name)}: a name is required.");
            }
        }
    }
}
