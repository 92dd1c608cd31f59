using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// An expression that is nothing but <c>variables.name</c> or <c>parameters.name</c> — most of a klantreis's: the
/// reminder lead times, escalation rhythms and dates of deadlines — answered from the scope without a sandbox, with
/// exactly the value the sandbox would give (numbers as JavaScript sees them, a missing name as null). A sandbox costs
/// an engine and its realm per evaluation, about half of a burst's CPU in a simulation (docs/performance.md, P5).
/// Values the sandbox would treat differently (objects with index-like keys, which JavaScript reorders; very deep or
/// large values, which hit its limits) go to the sandbox as before.
/// </summary>
internal sealed record DirectRead(string Root, string Name)
{
    private const int MaxDepth = 32;
    private const int MaxNodes = 10_000;

    /// <summary>The read a script consists of, or null when it is anything more.</summary>
    public static DirectRead? Of(Script program) =>
        program.Body is [ExpressionStatement { Expression: MemberExpression { Computed: false, Optional: false, Object: Identifier root, Property: Identifier property } }]
        && root.Name is "variables" or "parameters"
            ? new DirectRead(root.Name, property.Name)
            : null;

    /// <summary>False when the value must go through the sandbox to be read exactly as it would be there.</summary>
    public bool TryRead(ExpressionScope scope, out JsonNode? value)
    {
        var values = Root == "variables" ? scope.Variables : scope.Parameters;
        var found = values.GetValueOrDefault(Name);
        var budget = MaxNodes;
        if (!IsPlain(found, 0, ref budget))
        {
            value = null;
            return false;
        }
        value = Copy(found);
        return true;
    }

    /// <summary>JavaScript truthiness of a value <see cref="TryRead"/> returned.</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonObject or JsonArray => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.Number => JsonToJs.ReadNumber(v) is var n && n != 0 && !double.IsNaN(n),
            _ => JsonToJs.ReadString(v).Length > 0,
        },
        _ => true,
    };

    private static bool IsPlain(JsonNode? node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > MaxDepth)
        {
            return false;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (IsArrayIndex(key) || key == "__proto__" || !IsPlain(child, depth + 1, ref budget))
                    {
                        return false;
                    }
                }
                return true;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (!IsPlain(child, depth + 1, ref budget))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonToJs.ReadNumber(value) is var n && !double.IsNaN(n) && !double.IsInfinity(n);
            default:
                return true;
        }
    }

    // JavaScript lists integer-like keys first, in numeric order: such an object would come back reordered.
    private static bool IsArrayIndex(string key) =>
        key.Length > 0 && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index.ToString(CultureInfo.InvariantCulture) == key;

    // What JsonToJs and JsToJson make of a value, without the engine in between.
    private static JsonNode? Copy(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Copy(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Copy).ToArray()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number => JsToJson.ConvertNumber(JsonToJs.ReadNumber(value)),
            _ => JsonValue.Create(JsonToJs.ReadString(value)),
        },
        _ => node.DeepClone(),
    };
}
