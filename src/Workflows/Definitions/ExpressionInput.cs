using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions;

/// <summary>An input value computed at run time is written <c>{"expression": "…JavaScript…"}</c>.</summary>
public static class ExpressionInput
{
    public const string Property = "expression";

    public static bool TryGetCode(JsonNode? value, [NotNullWhen(true)] out string? code)
    {
        if (value is JsonObject { Count: 1 } obj && obj[Property] is { } node && node.GetValueKind() == JsonValueKind.String)
        {
            code = node.GetValue<string>();
            return true;
        }
        code = null;
        return false;
    }
}
