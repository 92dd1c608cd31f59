using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Calendar;

/// <summary>
/// Calendar functions for expressions, so a definition can say "PIP-datum + 3 jaar" or "10 weken na de kennisgeving,
/// volgens de Algemene termijnenwet":
/// <list type="bullet">
/// <item><c>datumPlus('2026-03-02', 'P3Y')</c> → <c>'2029-03-02'</c> (plain calendar; werkdagen skip holidays)</item>
/// <item><c>datumMinus('2029-03-02', 'P6M')</c> → <c>'2028-09-02'</c> (a duration before a date)</item>
/// <item><c>wettelijkeTermijn('2026-03-02', 'P10W')</c> → the last day of a statutory term, after the Atw shifts</item>
/// <item><c>vandaag()</c> → today's date in the calendar's time zone, from the engine's clock</item>
/// </list>
/// Dates go in and come out as <c>yyyy-MM-dd</c>; a date-time string is read as its date.
/// </summary>
internal sealed class CalendarExpressionGlobals(BusinessCalendar calendar, TimeProvider time) : IExpressionGlobals
{
    public void Register(ExpressionGlobalsBuilder globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        globals.AddFunction("datumPlus", args => Format(calendar.Add(Date(args, 0, calendar.TimeZone), Duration(args, 1))));
        globals.AddFunction("datumMinus", args => Format(calendar.Subtract(Date(args, 0, calendar.TimeZone), Duration(args, 1))));
        globals.AddFunction("wettelijkeTermijn", args => Format(calendar.ComputeDeadline(new DeadlineRequest(
            Date(args, 0, calendar.TimeZone), Duration(args, 1), TermKind.Statutory, "termijn", "", "start")).Final));
        globals.AddFunction("vandaag", _ => Format(calendar.Today(time)));
    }

    private static DateOnly Date(IReadOnlyList<JsonNode?> args, int index, TimeZoneInfo zone)
    {
        var text = args.Count > index && args[index] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        // The message names the kind of value, never the value: it may be personal data and ends up in incidents.
        return LocalDates.TryParse(text, zone, out var date)
            ? date
            : throw new ArgumentException($"Argument {index + 1} must be a date as 'yyyy-MM-dd' (got {Kind(args.ElementAtOrDefault(index))}).");
    }

    private static string Kind(JsonNode? node) => node is null ? "nothing" : node.GetValueKind().ToString().ToLowerInvariant();

    private static BusinessDuration Duration(IReadOnlyList<JsonNode?> args, int index)
    {
        var text = args.Count > index && args[index] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return BusinessDuration.TryParse(text, out var duration, out var error) && !duration.IsTimeUnit
            ? duration
            : throw new ArgumentException($"Argument {index + 1} must be a duration in days, weeks, months, years or werkdagen: {error ?? "hours and shorter are not dates"}");
    }

    private static JsonValue Format(DateOnly date) => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
