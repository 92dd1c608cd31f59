using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// An expression that only reads — <c>variables.name</c>, <c>parameters.name</c>, <c>input.name</c>, a literal, or
/// <c>a ?? b</c> of those: most of a klantreis's expressions (the reminder lead times, escalation rhythms, dates of
/// deadlines, fields of an event's payload) — answered from the scope without a sandbox, with exactly the value the
/// sandbox would give (numbers as JavaScript sees them, a missing name as null). A sandbox costs an engine and its realm
/// per evaluation, about half of a burst's CPU in a simulation (docs/performance.md, P5). Values the sandbox would treat
/// differently (objects with index-like keys, which JavaScript reorders; very deep or large values, which hit its
/// limits; an <c>input</c> that is not an object, where reading a name may throw) go to the sandbox as before.
/// </summary>
internal abstract record DirectRead
{
    private const int MaxDepth = 32;
    private const int MaxNodes = 10_000;

    // What every object inherits from Object.prototype: variables.constructor is a function there, not a missing name.
    private static readonly HashSet<string> Inherited = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf",
        "propertyIsEnumerable", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    /// <summary>The read a script consists of, or null when it is anything more.</summary>
    public static DirectRead? Of(Script program) =>
        program.Body is [ExpressionStatement statement] && statement is not Directive ? Of(statement.Expression) : null;

    private static DirectRead? Of(Expression expression) => expression switch
    {
        MemberExpression { Computed: false, Optional: false, Object: Identifier root, Property: Identifier property }
            when root.Name is "variables" or "parameters" or "input" && !Inherited.Contains(property.Name) => new Name(root.Name, property.Name),
        BooleanLiteral literal => new Constant(JsonValue.Create((bool)literal.Value!)),
        NullLiteral => new Constant(null),
        StringLiteral literal => new Constant(JsonValue.Create((string)literal.Value!)),
        NumericLiteral literal when literal.Value is double number && !double.IsNaN(number) && !double.IsInfinity(number) => new Constant(JsToJson.ConvertNumber(number)),
        LogicalExpression { Operator: Operator.NullishCoalescing } coalesce when Of(coalesce.Left) is { } left && Of(coalesce.Right) is { } right => new Coalesce(left, right),
        _ => null,
    };

    /// <summary>False when the value must go through the sandbox to be read exactly as it would be there.</summary>
    public abstract bool TryRead(ExpressionScope scope, out JsonNode? value);

    /// <summary><c>variables.x</c>, <c>parameters.x</c> or <c>input.x</c>.</summary>
    internal sealed record Name(string Root, string Property) : DirectRead
    {
        public override bool TryRead(ExpressionScope scope, out JsonNode? value)
        {
            value = null;
            JsonNode? found;
            switch (Root)
            {
                case "variables":
                    found = scope.Variables.GetValueOrDefault(Property);
                    break;
                case "parameters":
                    found = scope.Parameters.GetValueOrDefault(Property);
                    break;
                default:
                    var inputBudget = MaxNodes;
                    if (scope.Input is not JsonObject input || !IsPlain(input, 0, ref inputBudget))
                    {
                        // null.x throws, "text".x reads a string's property, and the sandbox copies the whole input
                        // (refusing one nested too deep): the sandbox knows.
                        return false;
                    }
                    found = input[Property];
                    break;
            }
            var budget = MaxNodes;
            if (!IsPlain(found, 0, ref budget))
            {
                return false;
            }
            value = Copy(found);
            return true;
        }
    }

    /// <summary>A literal: <c>true</c>, <c>null</c>, <c>'tekst'</c>, <c>12</c>.</summary>
    internal sealed record Constant(JsonNode? Value) : DirectRead
    {
        public override bool TryRead(ExpressionScope scope, out JsonNode? value)
        {
            value = Value?.DeepClone();
            return true;
        }
    }

    /// <summary><c>a ?? b</c>: b when a is null or missing (JSON has no undefined: both read as null).</summary>
    internal sealed record Coalesce(DirectRead Left, DirectRead Right) : DirectRead
    {
        public override bool TryRead(ExpressionScope scope, out JsonNode? value)
        {
            if (!Left.TryRead(scope, out value))
            {
                return false;
            }
            return value is not null || Right.TryRead(scope, out value);
        }
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
