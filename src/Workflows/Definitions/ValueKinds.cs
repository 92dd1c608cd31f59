using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Definitions;

/// <summary>Checks JSON values against the value types of variables, parameters and inputs.</summary>
public static class ValueKinds
{
    /// <summary>Null when <paramref name="value"/> fits <paramref name="kind"/> (null always fits: it means "not set"), else why not.</summary>
    public static string? Check(ValueKind kind, JsonNode? value)
    {
        if (value is null || kind == ValueKind.Json)
        {
            return null;
        }
        var valueKind = value.GetValueKind();
        return kind switch
        {
            ValueKind.Text => valueKind == JsonValueKind.String ? null : $"expected text, got {Describe(valueKind)}",
            ValueKind.Number => valueKind == JsonValueKind.Number ? null : $"expected a number, got {Describe(valueKind)}",
            ValueKind.Boolean => valueKind is JsonValueKind.True or JsonValueKind.False ? null : $"expected true or false, got {Describe(valueKind)}",
            ValueKind.Date => valueKind == JsonValueKind.String && IsDate(value.GetValue<string>()) ? null : "expected a date as yyyy-MM-dd (or an ISO-8601 date and time)",
            ValueKind.Duration => valueKind == JsonValueKind.String
                ? BusinessDuration.TryParse(value.GetValue<string>(), out _, out var error) ? null : error
                : $"expected a duration such as \"P10W\", got {Describe(valueKind)}",
            _ => null,
        };
    }

    public static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
