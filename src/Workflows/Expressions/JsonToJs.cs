using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Builds fresh JavaScript values from JSON for one engine. Fresh values are what makes the scope a deep copy:
/// a script can change them freely and the caller's nodes stay untouched.
/// </summary>
internal static class JsonToJs
{
    // JsonNode trees built in code can be nested arbitrarily; recursion here must not be what overflows the stack.
    private const int MaxDepth = 128;

    public static JsObject ConvertObject(Engine engine, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var result = new JsObject(engine);
        foreach (var (name, value) in values)
        {
            // A data property (not Set) so a key like "__proto__" stays a plain key instead of changing the prototype.
            result.FastSetDataProperty(name, Convert(engine, value, 1));
        }

        return result;
    }

    public static JsValue Convert(Engine engine, JsonNode? node) => Convert(engine, node, 0);

    private static JsValue Convert(Engine engine, JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException(
                ExpressionErrorKind.Runtime, $"Runtime error: the expression scope is nested deeper than {MaxDepth} levels.");
        }

        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject jsonObject:
                var result = new JsObject(engine);
                foreach (var (name, value) in jsonObject)
                {
                    result.FastSetDataProperty(name, Convert(engine, value, depth + 1));
                }

                return result;
            case JsonArray jsonArray:
                var items = new JsValue[jsonArray.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Convert(engine, jsonArray[i], depth + 1);
                }

                return new JsArray(engine, items);
            default:
                return ConvertValue(node.AsValue());
        }
    }

    private static JsValue ConvertValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Null or JsonValueKind.Undefined => JsValue.Null,
        JsonValueKind.Number => JsNumber.Create(ReadNumber(value)),
        _ => JsString.Create(ReadString(value)),
    };

    // JsonValue.Create(18) holds an int and refuses TryGetValue<double>; its JSON text is always a valid number.
    internal static double ReadNumber(JsonValue value) =>
        value.TryGetValue(out double number)
            ? number
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // Values such as a DateTime are strings in JSON but not string-typed in the node; read them as their JSON text.
    internal static string ReadString(JsonValue value)
    {
        if (value.TryGetValue(out string? text))
        {
            return text;
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }
}
