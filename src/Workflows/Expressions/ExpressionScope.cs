using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// The data an expression can see, exposed as the JavaScript globals <c>variables</c>, <c>parameters</c> and <c>input</c>.
/// The evaluator copies it into each sandbox, so a script can never change the caller's nodes.
/// </summary>
public sealed record ExpressionScope
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoValues = new Dictionary<string, JsonNode?>();

    /// <summary>An empty scope: no variables, no parameters, no input.</summary>
    public static ExpressionScope Empty { get; } = new();

    /// <summary>The workflow instance's variables (global <c>variables</c>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = NoValues;

    /// <summary>The definition's parameters (global <c>parameters</c>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; } = NoValues;

    /// <summary>Optional input such as an event payload (global <c>input</c>; <c>null</c> when absent).</summary>
    public JsonNode? Input { get; init; }
}
