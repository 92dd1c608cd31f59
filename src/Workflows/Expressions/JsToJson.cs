using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Turns a script's result into JSON after the script has finished. It only reads data that already exists:
/// getters would run script code outside the sandbox's limits, so they are refused instead of called
/// (proxies, the other way to run code on a read, are removed from the sandbox by the evaluator).
/// </summary>
internal static class JsToJson
{
    private const int MaxDepth = 64;

    // A sparse array like new Array(1e9) costs the script nothing but would cost the host a billion nodes.
    private const int MaxNodes = 100_000;

    private const double MaxSafeInteger = 9_007_199_254_740_991d;

    /// <summary>Converts a result; <c>undefined</c> and <c>null</c> become <c>null</c>.</summary>
    public static JsonNode? Convert(JsValue value)
    {
        var budget = MaxNodes;
        if (value.IsCallable() || value.IsSymbol())
        {
            throw Invalid($"the expression returned a {DescribeType(value)}, which is not a data value.");
        }

        return Convert(value, 0, ref budget);
    }

    private static JsonNode? Convert(JsValue value, int depth, ref int budget)
    {
        if (--budget < 0)
        {
            throw Invalid($"the result has more than {MaxNodes} values.");
        }

        if (depth > MaxDepth)
        {
            throw Invalid($"the result is nested deeper than {MaxDepth} levels (or refers to itself).");
        }

        switch (value)
        {
            case JsUndefined or JsNull:
                return null;
            case JsBoolean:
                return JsonValue.Create(value.AsBoolean());
            case JsNumber:
                return ConvertNumber(value.AsNumber());
            case JsString:
                return JsonValue.Create(value.AsString());
            case JsDate date:
                return ConvertDate(date);
            case JsArray array:
                return ConvertArray(array, depth, ref budget);
            case ObjectInstance obj:
                return ConvertObject(obj, depth, ref budget);
            default:
                throw Invalid($"a {DescribeType(value)} cannot be represented as JSON.");
        }
    }

    internal static JsonValue ConvertNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            // Usually a missing variable in arithmetic (undefined * 2); null would hide that bug.
            throw Invalid($"the result contains {number.ToString(CultureInfo.InvariantCulture)}, which is not a JSON number.");
        }

        return Math.Floor(number) == number && Math.Abs(number) <= MaxSafeInteger
            ? JsonValue.Create((long)number)
            : JsonValue.Create(number);
    }

    private static JsonValue ConvertDate(JsDate date)
    {
        var milliseconds = date.DateValue;
        if (double.IsNaN(milliseconds)
            || milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw Invalid("the result contains an invalid Date.");
        }

        // The same shape as Date.prototype.toISOString, always UTC.
        var utc = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return JsonValue.Create(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonArray ConvertArray(JsArray array, int depth, ref int budget)
    {
        if (array.Length > MaxNodes)
        {
            throw Invalid($"the result has more than {MaxNodes} values.");
        }

        var result = new JsonArray();
        for (uint i = 0; i < array.Length; i++)
        {
            var element = ReadDataProperty(array, i);

            // JSON.stringify semantics: holes, functions and symbols in arrays become null.
            result.Add(element.IsCallable() || element.IsSymbol() ? null : Convert(element, depth + 1, ref budget));
        }

        return result;
    }

    private static JsonObject ConvertObject(ObjectInstance obj, int depth, ref int budget)
    {
        var result = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = obj.GetOwnProperty(key);
            if (!descriptor.Enumerable)
            {
                continue;
            }

            var element = ValueOf(descriptor, key);

            // JSON.stringify semantics: undefined, functions and symbols are left out of objects.
            if (element.IsUndefined() || element.IsCallable() || element.IsSymbol())
            {
                continue;
            }

            result[key.AsString()] = Convert(element, depth + 1, ref budget);
        }

        return result;
    }

    private static JsValue ReadDataProperty(ObjectInstance obj, uint index)
    {
        JsValue key = index;
        return ValueOf(obj.GetOwnProperty(key), key);
    }

    private static JsValue ValueOf(Jint.Runtime.Descriptors.PropertyDescriptor descriptor, JsValue key)
    {
        if (descriptor.IsAccessorDescriptor())
        {
            throw Invalid($"property '{key}' of the result is a getter, which cannot be read safely.");
        }

        return descriptor.Value ?? JsValue.Undefined;
    }

    private static string DescribeType(JsValue value) =>
        value.IsCallable() ? "function" : value.Type.ToString().ToLowerInvariant();

    private static ExpressionException Invalid(string detail) =>
        new(ExpressionErrorKind.InvalidResult, "Invalid result: " + detail);
}
